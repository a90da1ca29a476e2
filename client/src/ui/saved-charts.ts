import { deleteSavedChart, listSavedCharts, type SavedChart } from '../api/charts-api.js';
import { session } from '../api/client.js';
import { cancelAndSubmit, openDialog } from './dialog.js';
import { clear, h } from './dom.js';
import { describeError, reportError } from './errors.js';
import { formatTime, t } from './i18n.js';
import { field } from './technique-kit.js';

/** What the save dialog asks the server to keep; the chart's state is added by the caller. */
export interface SaveRequest {
  id: string | null;
  title: string;
  caseNumber: string | null;
  shared: boolean;
}

/**
 * 保存关系图: a title, the case it belongs to (the stated purpose's case number by default)
 * and whether the unit may open it. A chart of one's own that was opened is saved again in
 * place unless "另存为新图" is ticked. The save runs inside the dialog, so a refusal is shown
 * under the form with what was typed kept.
 */
export function askSaveChart(current: SavedChart | null, me: string, save: (request: SaveRequest) => Promise<SavedChart>): Promise<SavedChart | null> {
  const own = current !== null && current.owner === me ? current : null;
  return openDialog<SavedChart>((close) => {
    const title = h('input', { id: 'chart-title', required: true, maxLength: 100, value: current?.title ?? '', autocomplete: 'off', i18nPlaceholder: 'charts.title.placeholder' });
    const caseNumber = h('input', { id: 'chart-case', maxLength: 64, value: current?.caseNumber ?? session.purpose?.caseNumber ?? '', autocomplete: 'off' });
    const shared = h('input', { id: 'chart-shared', type: 'checkbox', checked: own?.shared ?? false });
    const asNew = h('input', { id: 'chart-as-new', type: 'checkbox' });
    const problem = h('p', { class: 'form-problem', role: 'alert', id: 'chart-problem' });
    const form = h(
      'form',
      { class: 'dialog-body' },
      h('h2', { i18n: 'charts.save.title' }),
      field('charts.title', title),
      field('charts.caseNumber', caseNumber),
      h('label', { class: 'check' }, shared, h('span', { i18n: 'charts.shared' })),
      own ? h('label', { class: 'check' }, asNew, h('span', { i18n: 'charts.asNew' })) : null,
      problem,
      cancelAndSubmit(close, 'charts.save'),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const request = { id: own && !asNew.checked ? own.id : null, title: title.value.trim(), caseNumber: caseNumber.value.trim() || null, shared: shared.checked };
      save(request).then(close, (err: unknown) => (problem.textContent = describeError(err)));
    });
    return form;
  }, 'chart-dialog');
}

/** Charts listed at a time; "more" fetches the next as many. */
const PAGE = 50;

/**
 * 打开关系图: the charts one may open (one's own, and those one's unit shared), newest
 * first, a page at a time, narrowed on the server by any words of title, case number or
 * owner; one's own can be deleted. Resolves with the chosen chart (without its state) or null.
 */
export function chooseSavedChart(me: string): Promise<SavedChart | null> {
  return openDialog<SavedChart>((close) => {
    const list = h('ul', { class: 'plain chart-list', id: 'chart-list' });
    const filter = h('input', { type: 'search', id: 'chart-filter', autocomplete: 'off', i18nPlaceholder: 'charts.filter' });
    const more = h('button', { type: 'button', class: 'small', id: 'chart-more', hidden: true });
    let charts: SavedChart[] = [];
    let total = 0;
    // Only the answer to the latest request is shown: typing fires one per pause.
    let asked = 0;
    const render = () => {
      clear(list);
      for (const c of charts) list.appendChild(item(c));
      if (charts.length === 0) list.appendChild(h('li', { class: 'muted small', i18n: filter.value.trim() === '' ? 'charts.none' : 'charts.noneShown' }));
      more.hidden = charts.length >= total;
      more.textContent = t('charts.more', { count: Math.min(PAGE, total - charts.length), shown: charts.length, total });
    };
    const load = (from: number) => {
      const request = ++asked;
      more.disabled = true;
      listSavedCharts({ text: filter.value, offset: from, first: PAGE })
        .then(
          (page) => {
            if (request !== asked) return;
            charts = from === 0 ? page.items : [...charts, ...page.items];
            total = page.totalCount;
            render();
          },
          (err: unknown) => {
            if (request === asked) list.replaceChildren(h('li', { class: 'form-problem', role: 'alert' }, describeError(err)));
          },
        )
        .finally(() => {
          if (request === asked) more.disabled = false;
        });
    };
    const item = (c: SavedChart): HTMLElement => {
      const facts = [
        c.caseNumber ?? '',
        t('charts.counts', { nodes: c.nodeCount, edges: c.edgeCount }),
        formatTime(Date.parse(c.updatedAt)),
        c.owner === me ? (c.shared ? t('charts.sharedMine') : '') : t('charts.sharedBy', { owner: c.owner }),
      ].filter(Boolean);
      const remove = h('button', { type: 'button', class: 'small chart-delete', i18n: 'charts.delete' });
      remove.addEventListener('click', () => {
        // a second click confirms: nothing on the chart is lost, but the arrangement is
        if (remove.dataset.confirm !== 'yes') {
          remove.dataset.confirm = 'yes';
          remove.textContent = t('charts.deleteConfirm');
          remove.classList.add('danger');
          return;
        }
        deleteSavedChart(c.id).then(() => {
          charts = charts.filter((x) => x.id !== c.id);
          total--;
          render();
        }, reportError);
      });
      return h(
        'li',
        { class: 'chart-item', 'data-id': c.id },
        h('div', { class: 'chart-item-main' }, h('strong', {}, c.title), h('span', { class: 'muted small' }, facts.join(' · '))),
        h('div', { class: 'chart-item-actions' }, h('button', { type: 'button', class: 'primary small chart-open', i18n: 'charts.open', onclick: () => close(c) }), c.owner === me ? remove : null),
      );
    };
    let pause: ReturnType<typeof setTimeout> | undefined;
    filter.addEventListener('input', () => {
      clearTimeout(pause);
      pause = setTimeout(() => load(0), 250);
    });
    more.addEventListener('click', () => load(charts.length));
    load(0);
    return h(
      'div',
      { class: 'dialog-body' },
      h('h2', { i18n: 'charts.open.title' }),
      h('p', { class: 'muted small', i18n: 'charts.open.lead' }),
      filter,
      list,
      h('div', { class: 'dialog-actions' }, more, h('button', { type: 'button', onclick: () => close(null), i18n: 'dialog.close' })),
    );
  }, 'chart-dialog');
}
