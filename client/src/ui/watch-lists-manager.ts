import { saveWatchList, watchLists, type GroupRule, type WatchList, type WatchListInput } from '../api/watch-lists-api.js';
import { openDialog } from './dialog.js';
import { clear, h } from './dom.js';
import { describeError, reportError } from './errors.js';
import { formatTime, t, tk } from './i18n.js';
import { field } from './technique-kit.js';
import { toast } from './toasts.js';
import { WatchEntriesSection } from './watch-entries-section.js';

const PLACE_TYPES = ['HOTEL', 'INTERNET_CAFE', 'CHECKPOINT', 'MARKET', 'ADDRESS', 'OTHER'] as const;

/** A list as the chooser names it: its title, its tag, and how many it holds. */
export function listLabel(l: WatchList): string {
  return t('wl.option', { title: l.title, name: l.name, tagged: l.taggedPersons, entries: l.entryCount }) + (l.active ? '' : ` · ${t('wl.inactive')}`);
}

/**
 * 名单管理: the watch-lists batch collision compares records with. For each list, its
 * settings (what a single hit does, the deadline of its order, whether it is compared at all),
 * its group rules (how many listed persons, at which kinds of place, within how many hours,
 * in one station area or at one place, make a gathering with its own order), and its explicit
 * entries. Analysts edit; investigators and supervisors read. `onChanged` lets the collision
 * form re-read the lists.
 */
export async function openWatchListsManager(canEdit: boolean, onChanged: () => void): Promise<void> {
  let lists: WatchList[];
  try {
    lists = await watchLists();
  } catch (e) {
    reportError(e);
    return;
  }
  await openDialog<never>((close) => {
    const chooser = h('select', { id: 'wl-select' });
    const settings = h('div', { class: 'wl-settings' });
    const entries = new WatchEntriesSection(canEdit, () => void refresh(chooser.value, false));
    const body = h(
      'div',
      { class: 'dialog-body wl-manager' },
      h('h2', { i18n: 'wl.heading' }),
      h('div', { class: 'row' }, chooser, canEdit ? h('button', { type: 'button', id: 'wl-new', i18n: 'wl.new', onclick: () => showSettings(null) }) : null),
      settings,
      entries.el,
      h('div', { class: 'dialog-actions' }, h('button', { type: 'button', id: 'wl-close', onclick: () => close(null), i18n: 'dialog.close' })),
    );
    const fillChooser = (selected: string) => {
      clear(chooser);
      for (const l of lists) chooser.appendChild(h('option', { value: l.name, selected: l.name === selected }, listLabel(l)));
    };
    const showSettings = (list: WatchList | null) => {
      clear(settings);
      settings.appendChild(settingsForm(list, canEdit, async (saved) => {
        toast(t('wl.saved', { title: saved.title }), 'ok');
        onChanged();
        await refresh(saved.name, true);
      }));
      entries.el.hidden = list === null;
      if (list) void entries.show(list.name);
    };
    /** Re-reads the lists (their counts change with every entry); `rebuild` redraws the settings too. */
    const refresh = async (selected: string, rebuild: boolean) => {
      try {
        lists = await watchLists();
      } catch (e) {
        reportError(e);
        return;
      }
      fillChooser(selected);
      const list = lists.find((l) => l.name === selected) ?? lists[0] ?? null;
      // A new entry changes the counts only: the settings form keeps what is being typed.
      if (rebuild) showSettings(list);
    };
    chooser.addEventListener('change', () => showSettings(lists.find((l) => l.name === chooser.value) ?? null));
    fillChooser(lists[0]?.name ?? '');
    showSettings(lists[0] ?? null);
    return body;
  }, 'wide-dialog');
}

/** The settings and group rules of one list, or of a new one (`list` null). */
function settingsForm(list: WatchList | null, canEdit: boolean, onSaved: (saved: WatchList) => Promise<void>): HTMLElement {
  const name = h('input', { id: 'wl-name', value: list?.name ?? '', pattern: '[A-Z][A-Z0-9_]{1,40}', required: true, disabled: list !== null, autocomplete: 'off', i18nPlaceholder: 'wl.name.placeholder' });
  const title = h('input', { id: 'wl-title', value: list?.title ?? '', required: true, maxLength: 100 });
  const description = h('textarea', { id: 'wl-description', rows: 2 }, list?.description ?? '');
  const singleHits = h('select', { id: 'wl-single-hits' }, ...(['NOTE', 'ORDER'] as const).map((v) => h('option', { value: v, selected: (list?.singleHits ?? 'NOTE') === v }, tk('wl.singleHits', v))));
  const singleDeadline = h('input', { id: 'wl-single-deadline', type: 'number', min: 5, max: 43200, value: String(list?.singleDeadlineMinutes ?? 240) });
  const active = h('input', { id: 'wl-active', type: 'checkbox', checked: list?.active ?? true });
  const rules = h('div', { class: 'wl-rules', id: 'wl-rules' });
  for (const r of list?.rules ?? []) rules.appendChild(ruleRow(r));
  const problem = h('p', { class: 'form-problem', id: 'wl-problem', role: 'alert' });
  const form = h(
    'form',
    { class: 'wl-settings-form', id: 'wl-settings' },
    list ? h('p', { class: 'muted small' }, list.updatedBy ? t('wl.updated', { by: list.updatedBy, at: list.updatedAt ? formatTime(list.updatedAt) : '—' }) : t('wl.builtIn')) : h('p', { class: 'muted small', i18n: 'wl.newLead' }),
    h('div', { class: 'row' }, field('wl.name', name), field('wl.title', title)),
    field('wl.description', description),
    h('div', { class: 'row' }, field('wl.singleHits', singleHits), field('wl.singleDeadline', singleDeadline), h('label', { class: 'check' }, active, h('span', { i18n: 'wl.active' }))),
    h('h3', { i18n: 'wl.rules' }),
    h('p', { class: 'muted small', i18n: 'wl.rules.lead' }),
    rules,
    canEdit ? h('button', { type: 'button', class: 'small', id: 'wl-rule-add', i18n: 'wl.rule.add', onclick: () => rules.appendChild(ruleRow(null)) }) : null,
    problem,
    canEdit ? h('button', { type: 'submit', class: 'primary', id: 'wl-save', i18n: 'wl.save' }) : null,
  );
  if (!canEdit) for (const el of form.querySelectorAll<HTMLInputElement>('input, select, textarea, button')) el.disabled = true;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const input: WatchListInput = {
      name: name.value.trim(),
      title: title.value.trim(),
      description: description.value.trim(),
      singleHits: singleHits.value === 'ORDER' ? 'ORDER' : 'NOTE',
      singleDeadlineMinutes: Number(singleDeadline.value),
      active: active.checked,
      rules: [...rules.querySelectorAll<HTMLElement>('.wl-rule')].map(readRule),
    };
    void (async () => {
      try {
        const saved = await saveWatchList(input);
        problem.textContent = '';
        await onSaved(saved);
      } catch (e) {
        problem.textContent = describeError(e);
      }
    })();
  });
  return form;
}

/** One group rule as a row of inputs; `readRule` reads it back. */
function ruleRow(r: GroupRule | null): HTMLElement {
  const num = (cls: string, value: number, min: number, max: number) => h('input', { class: cls, type: 'number', min, max, step: 1, value: String(value), required: true });
  const scope = h('select', { class: 'wl-rule-scope' }, ...(['STATION', 'LOCATION'] as const).map((v) => h('option', { value: v, selected: (r?.scope ?? 'STATION') === v }, tk('wl.scope', v))));
  const types = h('div', { class: 'row wl-rule-types' });
  for (const type of PLACE_TYPES) types.appendChild(h('label', { class: 'check' }, h('input', { type: 'checkbox', value: type, checked: r?.locationTypes.includes(type) ?? false }), tk('value.type', type)));
  const row = h(
    'fieldset',
    { class: 'wl-rule', 'data-id': r?.id ?? `rule-${Date.now().toString(36)}` },
    h('div', { class: 'row' }, field('wl.rule.name', h('input', { class: 'wl-rule-name', value: r?.name ?? '', required: true, maxLength: 100 })), field('wl.rule.scope', scope)),
    h('div', { class: 'row' }, field('wl.rule.minMembers', num('wl-rule-min', r?.minMembers ?? 3, 2, 1000)), field('wl.rule.windowHours', num('wl-rule-window', r?.windowHours ?? 24, 1, 744)), field('wl.rule.deadline', num('wl-rule-deadline', r?.deadlineMinutes ?? 60, 5, 43200))),
    h('p', { class: 'muted small', i18n: 'wl.rule.types' }),
    types,
    h('button', { type: 'button', class: 'small wl-rule-remove', i18n: 'wl.rule.remove', onclick: () => row.remove() }),
  );
  return row;
}

function readRule(row: HTMLElement): GroupRule {
  const value = (cls: string) => row.querySelector<HTMLInputElement | HTMLSelectElement>(`.${cls}`)!.value;
  return {
    id: row.dataset.id!,
    name: value('wl-rule-name').trim(),
    scope: value('wl-rule-scope') === 'LOCATION' ? 'LOCATION' : 'STATION',
    minMembers: Number(value('wl-rule-min')),
    windowHours: Number(value('wl-rule-window')),
    deadlineMinutes: Number(value('wl-rule-deadline')),
    locationTypes: [...row.querySelectorAll<HTMLInputElement>('.wl-rule-types input:checked')].map((b) => b.value),
  };
}
