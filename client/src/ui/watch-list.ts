import { expand } from '../api/graph-api.js';
import { activeWatches, endWatch, type StandingWatch } from '../api/watch-api.js';
import type { ChartController } from './chart-controller.js';
import { clear, h } from './dom.js';
import { reportError } from './errors.js';
import { formatTime, t, withNote } from './i18n.js';
import { personGid } from './ranked-list.js';
import { toast } from './toasts.js';

/** A person as a list shows them: name and id, or the id alone when the name is unknown. */
export function personLabel(name: string | null | undefined, id: string): string {
  return name ? withNote(name, id) : id;
}

/**
 * Every active standing watch (常设关注), in the alerts dialog: whose, how far, why, set by whom
 * and when; each can be shown on the chart and, by those who may, ended here. Read when
 * shown, so the list holds the watches other investigators set too.
 */
export function watchListSection(ctx: { chart: ChartController; canEnd: boolean; onShown: () => void }): HTMLElement {
  const section = h('section', { class: 'watch-list', id: 'watch-list' }, h('h3', { i18n: 'watch.listHeading' }), h('p', { class: 'muted', i18n: 'details.loading' }));
  const render = (watches: StandingWatch[]) => {
    clear(section);
    section.appendChild(h('h3', {}, t('watch.listHeadingCount', { count: watches.length })));
    if (watches.length === 0) {
      section.appendChild(h('p', { class: 'muted small', i18n: 'watch.listNone' }));
      return;
    }
    section.appendChild(h('ul', { class: 'plain' }, ...watches.map((w) => item(w))));
  };
  const item = (w: StandingWatch): HTMLElement =>
    h(
      'li',
      { class: 'watch-item', 'data-id': w.id, 'data-person': w.personId },
      h('strong', {}, personLabel(w.personName, w.personId)),
      ' · ',
      h('span', {}, t(w.depth === 2 ? 'watch.depth.2' : 'watch.depth.1')),
      h('div', { class: 'muted small' }, t('watch.setBy', { by: w.createdBy, at: formatTime(w.createdAt) }), w.note ? ` · ${t('watch.activeNote', { note: w.note })}` : ''),
      h(
        'div',
        { class: 'watch-actions' },
        h('button', { type: 'button', class: 'small watch-show', onclick: () => void show(w) }, t('alerts.show')),
        ctx.canEnd ? h('button', { type: 'button', class: 'small watch-end', onclick: () => void end(w) }, t('watch.end')) : '',
      ),
    );
  const load = () =>
    activeWatches().then(render, () => {
      clear(section);
      section.append(h('h3', { i18n: 'watch.listHeading' }), h('p', { class: 'muted small', i18n: 'watch.unavailable' }));
    });
  const show = async (w: StandingWatch) => {
    try {
      const ids = [personGid(w.personId)];
      ctx.onShown();
      await ctx.chart.draw(await expand({ ids, depth: w.depth, perNodeLimit: 10 }), t('watch.shown', { name: personLabel(w.personName, w.personId) }), ids);
    } catch (e) {
      reportError(e);
    }
  };
  const end = async (w: StandingWatch) => {
    try {
      await endWatch(w.id);
      toast(t('watch.ended', { name: w.personName ?? w.personId }), 'info');
      await load();
    } catch (e) {
      reportError(e);
    }
  };
  void load();
  return section;
}
