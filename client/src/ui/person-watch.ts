import { activeWatchOn, endWatch, watchPerson, type StandingWatch } from '../api/watch-api.js';
import { cancelAndSubmit, openDialog } from './dialog.js';
import { clear, h, icon } from './dom.js';
import { reportError } from './errors.js';
import { formatTime, t } from './i18n.js';
import { toast } from './toasts.js';

/**
 * A person's standing watch (常设关注) in the details panel: whether one is set, by whom and
 * why, and the button that starts or ends it. Reads the state when shown, so two
 * investigators see each other's watches.
 */
export function personWatchSection(personId: string, name: string): HTMLElement {
  const section = h('section', { class: 'person-watch', id: 'person-watch' }, h('h4', { i18n: 'watch.heading' }), h('p', { class: 'muted', i18n: 'details.loading' }));
  const render = (watch: StandingWatch | null) => {
    clear(section);
    section.appendChild(h('h4', { i18n: 'watch.heading' }));
    if (watch) {
      section.append(
        h('p', { class: 'watch-state' }, t('watch.active', { depth: t(watch.depth === 2 ? 'watch.depth.2' : 'watch.depth.1'), by: watch.createdBy, at: formatTime(watch.createdAt) })),
        watch.note ? h('p', { class: 'muted small' }, t('watch.activeNote', { note: watch.note })) : '',
        h('button', { type: 'button', class: 'small watch-end', onclick: () => void end(watch) }, t('watch.end')),
      );
    } else {
      section.append(h('p', { class: 'muted small', i18n: 'watch.none' }), h('button', { type: 'button', class: 'small watch-start', onclick: () => void start() }, icon('bell'), t('watch.start')));
    }
  };
  const start = async () => {
    const choice = await askWatch();
    if (!choice) return;
    try {
      render(await watchPerson(personId, choice.depth, choice.note));
      toast(t('watch.started', { name }), 'ok');
    } catch (e) {
      reportError(e);
    }
  };
  const end = async (watch: StandingWatch) => {
    try {
      await endWatch(watch.id);
      render(null);
      toast(t('watch.ended', { name }), 'info');
    } catch (e) {
      reportError(e);
    }
  };
  activeWatchOn(personId).then(render, () => {
    clear(section);
    section.append(h('h4', { i18n: 'watch.heading' }), h('p', { class: 'muted small', i18n: 'watch.unavailable' }));
  });
  return section;
}

function askWatch(): Promise<{ depth: number; note: string } | null> {
  return openDialog<{ depth: number; note: string }>((close) => {
    const depth = h('select', { id: 'watch-depth' }, h('option', { value: '1', i18n: 'watch.depth.1' }), h('option', { value: '2', i18n: 'watch.depth.2' }));
    const note = h('input', { id: 'watch-note', maxlength: '500', i18nPlaceholder: 'watch.note' });
    const form = h(
      'form',
      { class: 'dialog-body' },
      h('h2', { i18n: 'watch.heading' }),
      h('p', { class: 'muted', i18n: 'watch.none' }),
      h('label', { for: 'watch-depth' }, h('span', { i18n: 'watch.depth' }), depth),
      h('label', { for: 'watch-note' }, h('span', { i18n: 'watch.note' }), note),
      cancelAndSubmit(close, 'watch.confirm'),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      close({ depth: Number(depth.value), note: note.value.trim() });
    });
    return form;
  }, 'watch-dialog');
}
