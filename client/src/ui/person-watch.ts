import { activeWatchOn, endWatch, watchPerson, type StandingWatch } from '../api/watch-api.js';
import { cancelAndSubmit, openDialog } from './dialog.js';
import { clear, h, icon } from './dom.js';
import { reportError } from './errors.js';
import { formatTime, t } from './i18n.js';
import { toast } from './toasts.js';

type Render = (watch: StandingWatch | null) => void;

/**
 * Every section on the page showing a person's watch, and how many times this page has
 * started or ended a watch on that person. The details panel may be drawn again while the
 * watch dialog is open or the mutation is on its way: the answer must reach the section the
 * user now sees, and a read sent before the change must not put the old state back.
 */
const shownSections = new Map<string, Set<{ section: HTMLElement; render: Render }>>();
const changesMade = new Map<string, number>();

function sectionsShowing(personId: string): Set<{ section: HTMLElement; render: Render }> {
  let sections = shownSections.get(personId);
  if (!sections) shownSections.set(personId, (sections = new Set()));
  for (const s of sections) if (!s.section.isConnected) sections.delete(s);
  return sections;
}

/** What this page changed reaches every section still showing the person. */
function publish(personId: string, watch: StandingWatch | null): void {
  changesMade.set(personId, (changesMade.get(personId) ?? 0) + 1);
  for (const s of sectionsShowing(personId)) s.render(watch);
}

/**
 * A person's standing watch (常设关注) in the details panel: whether one is set, by whom and
 * why, and the button that starts or ends it. Reads the state when shown, so two
 * investigators see each other's watches.
 */
export function personWatchSection(personId: string, name: string): HTMLElement {
  const section = h('section', { class: 'person-watch', id: 'person-watch' }, h('h4', { i18n: 'watch.heading' }), h('p', { class: 'muted', i18n: 'details.loading' }));
  const render: Render = (watch) => {
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
      publish(personId, await watchPerson(personId, choice.depth, choice.note));
      toast(t('watch.started', { name }), 'ok');
    } catch (e) {
      reportError(e);
    }
  };
  const end = async (watch: StandingWatch) => {
    try {
      await endWatch(watch.id);
      publish(personId, null);
      toast(t('watch.ended', { name }), 'info');
    } catch (e) {
      reportError(e);
    }
  };
  const before = changesMade.get(personId) ?? 0;
  const stillCurrent = () => (changesMade.get(personId) ?? 0) === before;
  sectionsShowing(personId).add({ section, render });
  activeWatchOn(personId).then(
    (watch) => {
      if (stillCurrent()) render(watch);
    },
    () => {
      if (!stillCurrent()) return;
      clear(section);
      section.append(h('h4', { i18n: 'watch.heading' }), h('p', { class: 'muted small', i18n: 'watch.unavailable' }));
    },
  );
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
