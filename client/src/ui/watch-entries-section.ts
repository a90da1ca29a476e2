import { addWatchEntry, removeWatchEntry, watchEntries, type WatchEntry } from '../api/watch-lists-api.js';
import { confirmDanger } from './dialog.js';
import { clear, h } from './dom.js';
import { describeError, reportError } from './errors.js';
import { formatTime, t } from './i18n.js';
import { field } from './technique-kit.js';

const PAGE = 50;

/**
 * A watch-list's explicit entries (名单条目): persons another unit sent by identifiers only,
 * newest first, fifty at a time. Analysts add one by resident ID, phone, plate, or name
 * with birth date, and remove one after a confirmation. The server checks every identifier
 * as the importer does and names the field it refuses; the form keeps what was typed.
 */
export class WatchEntriesSection {
  readonly el: HTMLElement;
  private readonly heading = h('h3', {});
  private readonly rows = h('tbody', {});
  private readonly more = h('button', { type: 'button', class: 'small', id: 'wl-entries-more', i18n: 'wl.entries.more', onclick: () => void this.load(false) });
  private list = '';
  private shown: WatchEntry[] = [];
  private total = 0;

  constructor(
    private readonly canEdit: boolean,
    private readonly onChanged: () => void,
  ) {
    const table = h(
      'table',
      { class: 'data-table', id: 'wl-entries' },
      h('thead', {}, h('tr', {}, ...(['wl.entry.name', 'wl.entry.idNumber', 'wl.entry.phone', 'wl.entry.plate', 'wl.entry.birthDate', 'wl.entry.note', 'wl.entry.added'] as const).map((k) => h('th', { i18n: k })), canEdit ? h('th', {}) : null)),
      this.rows,
    );
    this.el = h('section', { class: 'wl-entries' }, this.heading, h('p', { class: 'muted small', i18n: 'wl.entries.lead' }), table, this.more, canEdit ? this.addForm() : null);
  }

  /** Shows the first page of another list's entries. */
  async show(list: string): Promise<void> {
    this.list = list;
    await this.load(true);
  }

  private async load(first: boolean): Promise<void> {
    try {
      const page = await watchEntries(this.list, PAGE, first ? 0 : this.shown.length);
      this.shown = first ? page.entries : [...this.shown, ...page.entries];
      this.total = page.total;
      this.render();
    } catch (e) {
      reportError(e);
    }
  }

  private render(): void {
    this.heading.textContent = t('wl.entries.heading', { count: this.total });
    clear(this.rows);
    for (const e of this.shown) this.rows.appendChild(this.row(e));
    if (this.shown.length === 0) this.rows.appendChild(h('tr', {}, h('td', { colSpan: 8, class: 'muted small', i18n: 'wl.entries.none' })));
    this.more.hidden = this.shown.length >= this.total;
  }

  private row(e: WatchEntry): HTMLElement {
    const cell = (v: string | null) => h('td', {}, v ?? '—');
    return h(
      'tr',
      { 'data-id': e.id },
      cell(e.name),
      cell(e.idNumber),
      cell(e.phone),
      cell(e.plate),
      cell(e.birthDate),
      cell(e.note),
      h('td', { class: 'small' }, `${e.addedBy} · ${e.addedAt ? formatTime(e.addedAt) : '—'}`),
      this.canEdit ? h('td', {}, h('button', { type: 'button', class: 'small wl-entry-remove', onclick: () => void this.remove(e) }, t('wl.entry.remove'))) : null,
    );
  }

  private addForm(): HTMLElement {
    const input = (id: string, attrs: Record<string, string> = {}) => h('input', { id, autocomplete: 'off', ...attrs });
    const idNumber = input('wl-entry-id-number', { maxLength: '18' });
    const phone = input('wl-entry-phone', { inputMode: 'tel' });
    const plate = input('wl-entry-plate');
    const name = input('wl-entry-name');
    const birthDate = input('wl-entry-birth-date', { type: 'date' });
    const note = input('wl-entry-note');
    const problem = h('p', { class: 'form-problem', id: 'wl-entry-error', role: 'alert', hidden: true });
    const form = h(
      'form',
      { class: 'wl-entry-form', id: 'wl-entry-form' },
      h('h4', { i18n: 'wl.entry.addHeading' }),
      h('p', { class: 'muted small', i18n: 'wl.entry.addLead' }),
      h('div', { class: 'row' }, field('wl.entry.idNumber', idNumber), field('wl.entry.phone', phone), field('wl.entry.plate', plate)),
      h('div', { class: 'row' }, field('wl.entry.name', name), field('wl.entry.birthDate', birthDate), field('wl.entry.note', note)),
      problem,
      h('button', { type: 'submit', class: 'primary', i18n: 'wl.entry.add' }),
    );
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const text = (i: HTMLInputElement) => i.value.trim() || null;
      void (async () => {
        try {
          await addWatchEntry({ list: this.list, idNumber: text(idNumber), phone: text(phone), plate: text(plate), name: text(name), birthDate: text(birthDate), note: text(note) });
        } catch (e) {
          problem.textContent = describeError(e);
          problem.hidden = false;
          return;
        }
        problem.hidden = true;
        form.reset();
        this.onChanged();
        await this.load(true);
      })();
    });
    return form;
  }

  private async remove(e: WatchEntry): Promise<void> {
    const who = e.name ?? e.idNumber ?? e.phone ?? e.plate ?? e.id;
    const sure = await confirmDanger(t('wl.entry.removeConfirm', { who }), t('wl.entry.remove'), 'wl-entry-remove-confirm');
    if (!sure) return;
    try {
      await removeWatchEntry(e.id);
    } catch (err) {
      reportError(err);
    }
    this.onChanged();
    await this.load(true);
  }
}
