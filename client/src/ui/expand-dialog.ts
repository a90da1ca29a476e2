import { openDialog } from './dialog.js';
import { h } from './dom.js';
import { formatTime, t, tk, type StringKey } from './i18n.js';

/** Expand with filters: which kinds of tie, the movement time window, depth, per-node cap. */
export interface ExpandFilter {
  relationTypes: string[] | null;
  from: string | null;
  to: string | null;
  depth: number;
  perNodeLimit: number | null;
}

const GROUPS: { key: StringKey; kinds: string[] }[] = [
  { key: 'relgroup.relation', kinds: ['FAMILY', 'ASSOCIATE', 'CO_OFFENDER', 'PARTNER', 'OLD_RELATION', 'COLLEAGUE', 'CONTACT', 'SAME_AS'] },
  { key: 'relgroup.movement', kinds: ['STAYED_AT', 'LOGGED_IN', 'PASSED'] },
  { key: 'relgroup.call', kinds: ['CALLED', 'USES_PHONE'] },
  { key: 'relgroup.other', kinds: ['OWNS_VEHICLE', 'INVOLVED_IN', 'OCCURRED_AT', 'COVERED_BY'] },
];

const toLocalInput = (iso: string | null) => (iso ? formatTime(iso).replace(' ', 'T') : '');
const fromLocalInput = (v: string) => (v ? `${v}:00+08:00` : null);

export function askExpandFilter(name: string, window: { from: string | null; to: string | null }): Promise<ExpandFilter | null> {
  return openDialog<ExpandFilter>((close) => {
    const boxes: HTMLInputElement[] = [];
    const groups = GROUPS.map((g) =>
      h(
        'fieldset',
        { class: 'kind-group' },
        h('legend', { i18n: g.key }),
        ...g.kinds.map((k) => {
          const box = h('input', { type: 'checkbox', value: k, checked: true });
          boxes.push(box);
          return h('label', { class: 'check' }, box, tk('rel', k));
        }),
      ),
    );
    const from = h('input', { type: 'datetime-local', value: toLocalInput(window.from), id: 'expand-from' });
    const to = h('input', { type: 'datetime-local', value: toLocalInput(window.to), id: 'expand-to' });
    const depth = h('select', { id: 'expand-depth' }, h('option', { value: '1' }, '1'), h('option', { value: '2' }, '2'));
    const perNode = h('input', { type: 'number', min: '1', max: '500', value: '50', id: 'expand-per-node' });
    const form = h(
      'form',
      { class: 'dialog-body' },
      h('h2', {}, t('expand.heading', { name })),
      h('h3', { i18n: 'expand.types' }),
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'button', class: 'text-button small', onclick: () => boxes.forEach((b) => (b.checked = true)), i18n: 'expand.all' }),
        h('button', { type: 'button', class: 'text-button small', onclick: () => boxes.forEach((b) => (b.checked = false)), i18n: 'expand.none' }),
      ),
      h('div', { class: 'kind-groups' }, ...groups),
      h('h3', { i18n: 'expand.window' }),
      h('div', { class: 'row' }, h('label', { for: 'expand-from' }, h('span', { i18n: 'expand.from' }), from), h('label', { for: 'expand-to' }, h('span', { i18n: 'expand.to' }), to)),
      h('div', { class: 'row' }, h('label', { for: 'expand-depth' }, h('span', { i18n: 'expand.depth' }), depth), h('label', { for: 'expand-per-node' }, h('span', { i18n: 'expand.perNode' }), perNode)),
      h('div', { class: 'dialog-actions' }, h('button', { type: 'button', onclick: () => close(null), i18n: 'expand.cancel' }), h('button', { type: 'submit', class: 'primary', i18n: 'expand.go' })),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
      if (chosen.length === 0) return;
      close({
        relationTypes: chosen.length === boxes.length ? null : chosen,
        from: fromLocalInput(from.value),
        to: fromLocalInput(to.value),
        depth: Number(depth.value),
        perNodeLimit: Number(perNode.value) || null,
      });
    });
    return form;
  }, 'expand-dialog');
}
