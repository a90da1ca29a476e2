import { riskProfiles, type RiskProfile } from '../api/risk-profiles-api.js';
import { highRiskSearch } from '../api/techniques-api.js';
import { h } from './dom.js';
import { numberOf } from './form-values.js';
import { reportError } from './errors.js';
import { onLanguageChange, t } from './i18n.js';
import { caseGid, personGid, rankedList } from './ranked-list.js';
import { openRiskProfilesManager, profileLabel } from './risk-profiles-manager.js';
import { drawEvidence, field, isoOf, localInput, runButton, runWith, type TechContext } from './technique-kit.js';

/** Modus-operandi tags as typed: separated by commas, 、 or spaces. */
function moTags(text: string): string[] | null {
  const tags = text.split(/[,，、;；\s]+/).map((s) => s.trim()).filter(Boolean);
  return tags.length ? tags : null;
}

/**
 * 高危地区检索法: persons of a risky origin active near local hotspots of that crime,
 * optionally only the cases with one of the typed modus-operandi tags. The profiles come
 * from the server (active ones are offered); 管理画像 opens them, editable for analysts.
 */
export function buildHighRiskPanel(ctx: TechContext, canManageProfiles: boolean): HTMLElement {
  const profile = h('select', { id: 'risk-profile' });
  const mo = h('input', { id: 'risk-mo', autocomplete: 'off', i18nPlaceholder: 'tech.highRisk.mo.placeholder' });
  // How near a scene, and how long before or after the case, counts as being there (the server's defaults).
  const radius = h('input', { type: 'number', min: '100', max: '20000', value: '2000', id: 'risk-radius' });
  const slack = h('input', { type: 'number', min: '0', max: '48', value: '3', id: 'risk-slack' });
  const from = localInput('risk-from');
  const to = localInput('risk-to');
  const run = runButton('risk-run');
  const out = h('div', { class: 'tech-results', id: 'risk-results' });
  const manage = h('button', { type: 'button', class: 'small', id: 'risk-manage', i18n: 'tech.highRisk.manage', onclick: () => void openRiskProfilesManager(canManageProfiles, () => void load(true)) });
  const form = h(
    'form',
    { class: 'tech-form' },
    h('p', { class: 'muted small', i18n: 'tech.highRisk.lead' }),
    field('tech.highRisk.profile', profile),
    manage,
    field('tech.highRisk.mo', mo),
    h('div', { class: 'row' }, field('tech.linkCases.radius', radius), field('tech.linkCases.slack', slack)),
    h('div', { class: 'row' }, field('tech.from', from), field('tech.to', to)),
    run,
    out,
  );
  let loaded: Promise<void> | null = null;
  const load = (again = false): Promise<void> => {
    if (loaded && !again) return loaded;
    const chosen = profile.value;
    loaded = riskProfiles().then(
      (all) => fillProfiles(all.filter((p) => p.active), chosen),
      (e: unknown) => {
        loaded = null;
        reportError(e);
      },
    );
    return loaded;
  };
  let offered: RiskProfile[] = [];
  const fillProfiles = (active: RiskProfile[], chosen: string) => {
    offered = active;
    profile.replaceChildren(...active.map((p) => h('option', { value: p.id, selected: p.id === chosen }, profileLabel(p))));
    if (active.length === 0) out.replaceChildren(h('p', { class: 'muted', id: 'risk-none', i18n: canManageProfiles ? 'tech.highRisk.noneAnalyst' : 'tech.highRisk.none' }));
    else out.querySelector('#risk-none')?.remove();
  };
  onLanguageChange(() => {
    if (offered.length) fillProfiles(offered, profile.value);
  });
  form.addEventListener('focusin', () => void load());
  form.addEventListener('pointerenter', () => void load());
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void (async () => {
      await load();
      if (!profile.value) return;
      // Candidates come from the profile's origin: named as the profile names it, a narrower code as it is.
      const chosen = offered.find((p) => p.id === profile.value);
      const originText = (code: string | null) => (code !== null && code === chosen?.origin && chosen.originName ? chosen.originName : (code ?? ''));
      await runWith(run, out, () => highRiskSearch({ profileId: profile.value, from: isoOf(from), to: isoOf(to), mo: moTags(mo.value), radiusM: numberOf(radius, 2000), slackHours: numberOf(slack, 3), limit: 20 }), (r) =>
        out.append(
          h('p', { class: 'small' }, t('tech.highRisk.summary', { cases: r.casesConsidered, hotspots: r.hotspots.length })),
          rankedList(
            r.candidates.map((c) => ({ rank: c.rank, title: c.name, subtitle: `${originText(c.origin)} · ${t('tech.highRisk.near', { count: c.nearCases.length })}`, score: c.score, parts: c.parts, reasons: c.reasons, evidence: [personGid(c.personId), ...c.nearCases.map(caseGid)] })),
            (item) => void drawEvidence(ctx, r.subgraph, item.evidence, t('tech.evidence.label', { technique: t('tech.highRisk'), name: item.title })),
            'risk-candidates',
          ),
        ),
      );
    })();
  });
  return form;
}
