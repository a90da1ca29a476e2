import { ApiError } from '../api/client.js';
import { riskProfileHistory, riskProfiles, saveRiskProfile, type RiskProfile, type RiskProfileInput } from '../api/risk-profiles-api.js';
import { openDialog } from './dialog.js';
import { clear, h } from './dom.js';
import { describeError, reportError } from './errors.js';
import { formatTime, t, tk } from './i18n.js';
import { field } from './technique-kit.js';
import { toast } from './toasts.js';

/** The crime types of the exchange format; a profile searches for one of them. */
const CASE_TYPES = ['THEFT', 'FRAUD', 'DRUG', 'ROBBERY', 'ASSAULT', 'OTHER'] as const;

/** A profile as the search form and the chooser name it: origin × crime type · weight. */
export function profileLabel(p: RiskProfile): string {
  return t('rp.option', { origin: p.originName || p.origin, code: p.origin, type: tk('value.type', p.caseType), weight: p.weight }) + (p.active ? '' : ` · ${t('rp.inactive')}`);
}

/**
 * 高危地区画像管理: the profiles the high-risk origin search runs on. Searching persons by
 * where they come from needs a written reason and an approval, so a profile carries both,
 * and every change is kept as a version that search runs refer to. Analysts create and
 * change profiles; investigators and supervisors read them and their history. `onChanged`
 * lets the search form read the profiles again.
 */
export async function openRiskProfilesManager(canEdit: boolean, onChanged: () => void): Promise<void> {
  let profiles: RiskProfile[];
  try {
    profiles = await riskProfiles();
  } catch (e) {
    reportError(e);
    return;
  }
  await openDialog<never>((close) => {
    const chooser = h('select', { id: 'rp-select' });
    const editor = h('div', { class: 'rp-editor' });
    const history = h('section', { class: 'rp-history', id: 'rp-history' });
    const body = h(
      'div',
      { class: 'dialog-body rp-manager' },
      h('h2', { i18n: 'rp.heading' }),
      h('p', { class: 'muted small', i18n: 'rp.lead' }),
      h('div', { class: 'row' }, chooser, canEdit ? h('button', { type: 'button', id: 'rp-new', i18n: 'rp.new', onclick: () => show(null) }) : null),
      editor,
      history,
      h('div', { class: 'dialog-actions' }, h('button', { type: 'button', id: 'rp-close', onclick: () => close(null), i18n: 'dialog.close' })),
    );
    const fillChooser = (selected: string | null) => {
      clear(chooser);
      if (profiles.length === 0) chooser.appendChild(h('option', { value: '' }, t('rp.empty')));
      for (const p of profiles) chooser.appendChild(h('option', { value: p.id, selected: p.id === selected }, profileLabel(p)));
      chooser.disabled = profiles.length === 0;
    };
    const show = (profile: RiskProfile | null) => {
      clear(editor);
      editor.appendChild(
        profileForm(profile, canEdit, async (saved) => {
          toast(t('rp.saved', { label: profileLabel(saved) }), 'ok');
          onChanged();
          try {
            profiles = await riskProfiles();
          } catch (e) {
            reportError(e);
          }
          fillChooser(saved.id);
          show(profiles.find((p) => p.id === saved.id) ?? saved);
        }),
      );
      void showHistory(history, profile);
    };
    chooser.addEventListener('change', () => show(profiles.find((p) => p.id === chooser.value) ?? null));
    fillChooser(profiles[0]?.id ?? null);
    // With no profile yet, an analyst starts on a new one; others see the empty chooser.
    if (profiles[0] || canEdit) show(profiles[0] ?? null);
    return body;
  }, 'wide-dialog');
}

/** The settings of one profile, or of a new one (`profile` null). */
function profileForm(profile: RiskProfile | null, canEdit: boolean, onSaved: (saved: RiskProfile) => Promise<void>): HTMLElement {
  const origin = h('input', { id: 'rp-origin', value: profile?.origin ?? '', required: true, pattern: '\\d{2,6}', inputMode: 'numeric', autocomplete: 'off', i18nPlaceholder: 'rp.origin.placeholder' });
  const originName = h('input', { id: 'rp-origin-name', value: profile?.originName ?? '', maxLength: 50, i18nPlaceholder: 'rp.originName.placeholder' });
  const caseType = h('select', { id: 'rp-case-type' }, ...CASE_TYPES.map((v) => h('option', { value: v, selected: (profile?.caseType ?? 'THEFT') === v }, tk('value.type', v))));
  const weight = h('input', { id: 'rp-weight', type: 'number', min: 0.01, max: 10, step: 0.01, required: true, value: String(profile?.weight ?? 1) });
  const justification = h('textarea', { id: 'rp-justification', rows: 3, required: true, minLength: 10, i18nPlaceholder: 'rp.justification.placeholder' }, profile?.justification ?? '');
  const approvedBy = h('input', { id: 'rp-approved-by', value: profile?.approvedBy ?? '', required: true, maxLength: 50 });
  const approvedAt = h('input', { id: 'rp-approved-at', type: 'date', value: profile?.approvedAt ?? '', required: true });
  const active = h('input', { id: 'rp-active', type: 'checkbox', checked: profile?.active ?? true });
  const problem = h('p', { class: 'form-problem', id: 'rp-problem', role: 'alert' });
  const inputs: Record<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement> = { origin, originName, caseType, weight, justification, approvedBy, approvedAt };
  const form = h(
    'form',
    { class: 'rp-form', id: 'rp-form' },
    profile ? h('p', { class: 'muted small' }, t('rp.version', { version: profile.version, by: profile.savedBy, at: formatTime(profile.savedAt) })) : h('p', { class: 'muted small', i18n: 'rp.newLead' }),
    h('div', { class: 'row' }, field('rp.origin', origin), field('rp.originName', originName), field('rp.caseType', caseType), field('rp.weight', weight)),
    field('rp.justification', justification),
    h('div', { class: 'row' }, field('rp.approvedBy', approvedBy), field('rp.approvedAt', approvedAt), h('label', { class: 'check' }, active, h('span', { i18n: 'rp.active' }))),
    problem,
    canEdit ? h('button', { type: 'submit', class: 'primary', id: 'rp-save', i18n: profile ? 'rp.saveVersion' : 'rp.create' }) : null,
  );
  if (!canEdit) for (const el of form.querySelectorAll<HTMLInputElement>('input, select, textarea, button')) el.disabled = true;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const input: RiskProfileInput = {
      origin: origin.value.trim(),
      originName: originName.value.trim(),
      caseType: caseType.value,
      weight: Number(weight.value),
      justification: justification.value.trim(),
      approvedBy: approvedBy.value.trim(),
      approvedAt: approvedAt.value,
      active: active.checked,
    };
    for (const el of Object.values(inputs)) el.removeAttribute('aria-invalid');
    void (async () => {
      try {
        const saved = await saveRiskProfile(profile?.id ?? null, input);
        problem.textContent = '';
        await onSaved(saved);
      } catch (e) {
        // The server names the field it refused (input.approvedAt …): mark it, keep what was typed.
        const argument = e instanceof ApiError ? String(e.extensions.argument ?? '') : '';
        const refused = inputs[argument.replace(/^input\./, '')];
        refused?.setAttribute('aria-invalid', 'true');
        refused?.focus();
        problem.textContent = describeError(e);
      }
    })();
  });
  return form;
}

/** Every version of the profile, newest first: what each search run may have used. */
async function showHistory(section: HTMLElement, profile: RiskProfile | null): Promise<void> {
  clear(section);
  // Another profile (or a new one) may be chosen while this one's versions are read.
  const shown = profile?.key ?? '';
  section.dataset.profile = shown;
  if (!profile) return;
  let versions: RiskProfile[];
  try {
    versions = await riskProfileHistory(profile.id);
  } catch (e) {
    reportError(e);
    return;
  }
  if (section.dataset.profile !== shown) return;
  section.append(
    h('h3', { i18n: 'rp.history' }),
    h(
      'ol',
      { class: 'rp-versions' },
      ...versions.map((v) =>
        h(
          'li',
          { class: 'small', 'data-key': v.key },
          h('strong', {}, `v${v.version}`),
          ` ${formatTime(v.savedAt)} · ${v.savedBy} · ${profileLabel(v)} · ${t('rp.approval', { by: v.approvedBy, at: v.approvedAt })}`,
          h('div', { class: 'muted' }, v.justification),
        ),
      ),
    ),
  );
}
