import { caseRecord, locationRecord, personRecord, timeline, type RecordFields, type TimelineEvent } from '../api/records-api.js';
import type { ElementInfo } from '../graph/graph-view.js';
import { clear, h, icon } from './dom.js';
import { reportError } from './errors.js';
import { fieldName, formatTime, onLanguageChange, t, tk, withNote } from './i18n.js';
import { personWatchSection } from './person-watch.js';

/**
 * The details of what is selected: a node's record (properties), where it came from
 * (provenance), and for a person the timeline of movements and cases; an edge's
 * properties and provenance. Reads the full record from the API when it is a node.
 */
export interface DetailsActions {
  /** Absent for posts that may read records but not walk the graph. */
  expand?(id: string): void;
  trajectory(id: string): void;
  selectEdge(edgeId: string): void;
  close(): void;
  /** Supervisors only: the audit trail of this entity (who looked at it). */
  whoLooked?(id: string): void;
  /** Posts that investigate: a person's standing watch (常设关注) can be started and ended here. */
  canWatch?: boolean;
}

const PROVENANCE_KEYS = ['source', 'sourceId', 'ingestedAt', 'importJob'] as const;
const SKIP = new Set(['uid', 'provenance', 'involvements', 'location', 'station', 'lat', 'lon', '__typename', 'originName', 'residenceName', 'regionName']);
const TIME_KEYS = new Set(['checkIn', 'checkOut', 'at', 'until', 'occurredFrom', 'occurredTo', 'ingestedAt']);

export class DetailsPanel {
  readonly el: HTMLElement;
  private readonly body = h('div', { class: 'details-body', id: 'details-body' });
  private items: ElementInfo[] = [];
  private token = 0;

  constructor(private readonly actions: DetailsActions) {
    this.el = h(
      'aside',
      { class: 'details', 'aria-live': 'polite' },
      h('div', { class: 'panel-head' }, h('h2', { i18n: 'details.heading' }), h('button', { class: 'icon-button', i18nTitle: 'details.close', onclick: () => actions.close() }, icon('close'))),
      this.body,
    );
    this.render();
    onLanguageChange(() => void this.show(this.items));
  }

  async show(items: ElementInfo[]): Promise<void> {
    this.items = items;
    const token = ++this.token;
    if (items.length !== 1) return this.render();
    const item = items[0]!;
    clear(this.body);
    this.body.appendChild(this.header(item));
    if (item.group === 'edge') {
      this.body.append(this.properties(item.kind, item.properties), this.provenance(item.properties));
      return;
    }
    const id = String(item.properties.id ?? '');
    const loading = h('p', { class: 'muted', i18n: 'details.loading' });
    this.body.appendChild(loading);
    try {
      let record: RecordFields | null = null;
      let events: { events: TimelineEvent[]; total: number } | null = null;
      // the timeline is for posts that may walk the graph; others see the record alone
      if (item.kind === 'PERSON' && id) [record, events] = await Promise.all([personRecord(id), timeline(id).catch(() => null)]);
      else if (item.kind === 'CASE' && id) record = await caseRecord(id);
      else if (item.kind === 'LOCATION' && id) record = await locationRecord(id);
      if (token !== this.token) return;
      loading.remove();
      const fields = record ?? item.properties;
      this.body.append(this.properties(item.kind, fields), this.provenance((record?.provenance as Record<string, unknown> | undefined) ?? item.properties));
      if (record && Array.isArray(record.involvements)) this.body.appendChild(this.involvements(record.involvements as { person: { name: string }; role: string; note: string | null }[]));
      if (item.kind === 'PERSON' && record && this.actions.canWatch) this.body.appendChild(personWatchSection(id, item.label));
      if (events) this.body.appendChild(this.timeline(events));
    } catch (e) {
      if (token !== this.token) return;
      loading.remove();
      this.body.append(this.properties(item.kind, item.properties), this.provenance(item.properties));
      reportError(e);
    }
  }

  private render(): void {
    clear(this.body);
    if (this.items.length === 0) this.body.appendChild(h('p', { class: 'muted', i18n: 'details.empty' }));
    else this.body.appendChild(h('p', { class: 'muted' }, t('details.multi', { count: this.items.length })));
  }

  private header(item: ElementInfo): HTMLElement {
    const title = item.group === 'edge' ? `${tk('rel', item.kind)}` : item.label;
    const tags = Array.isArray(item.properties.tags) ? (item.properties.tags as string[]) : [];
    return h(
      'div',
      { class: 'details-head' },
      h('h3', {}, title, h('span', { class: 'kind-tag' }, item.group === 'edge' ? t('details.properties') : tk('kind', item.kind))),
      tags.length ? h('div', { class: 'tags' }, ...tags.map((tag) => h('span', { class: `tag tag-${tag}` }, tk('tag', tag)))) : null,
      item.group === 'node' && item.kind !== 'MORE'
        ? h(
            'div',
            { class: 'row' },
            this.actions.expand ? h('button', { type: 'button', class: 'small', onclick: () => this.actions.expand!(item.id) }, icon('expand'), t('details.expand')) : null,
            item.kind === 'PERSON' ? h('button', { type: 'button', class: 'small', onclick: () => this.actions.trajectory(item.id) }, icon('clock'), t('details.trajectory')) : null,
            this.actions.whoLooked ? h('button', { type: 'button', class: 'small who-looked', onclick: () => this.actions.whoLooked!(item.id) }, icon('search'), t('details.whoLooked')) : null,
          )
        : null,
    );
  }

  private properties(kind: string, fields: Record<string, unknown>): HTMLElement {
    const rows = Object.entries(fields).filter(([k, v]) => !SKIP.has(k) && !(PROVENANCE_KEYS as readonly string[]).includes(k) && v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
    const extra: [string, unknown][] = [];
    const loc = fields.location as { name?: string } | null | undefined;
    if (loc?.name) extra.push(['location', loc.name]);
    const station = fields.station as { name?: string } | null | undefined;
    if (station?.name) extra.push(['station', station.name]);
    // 籍贯, 住址 and a case's or place's region by name, the code after it: the code alone means nothing to most readers.
    const regionNames: Record<string, unknown> = { origin: fields.originName, residence: fields.residenceName, region: fields.regionName };
    const text = (k: string, v: unknown) => {
      const name = regionNames[k];
      return typeof name === 'string' ? withNote(name, String(v)) : show(k, v);
    };
    return h('section', {}, h('h4', { i18n: 'details.properties' }), table([...rows, ...extra].map(([k, v]) => [fieldName(kind, k), text(k, v)])));
  }

  private provenance(fields: Record<string, unknown>): HTMLElement {
    return h(
      'section',
      { class: 'provenance' },
      h('h4', { i18n: 'details.provenance' }),
      table(PROVENANCE_KEYS.map((k) => [t(`prov.${k}`), fields[k] === null || fields[k] === undefined ? t('prov.none') : show(k, fields[k])])),
    );
  }

  private involvements(list: { person: { name: string }; role: string; note: string | null }[]): HTMLElement {
    return h('section', {}, h('h4', { i18n: 'details.involvements' }), table(list.map((i) => [i.person.name, [tk('value.role', i.role), i.note].filter(Boolean).join(' · ')])));
  }

  private timeline(data: { events: TimelineEvent[]; total: number }): HTMLElement {
    const list = h('ol', { class: 'timeline' });
    for (const e of data.events) {
      list.appendChild(
        h(
          'li',
          { class: `tl tl-${e.kind}` },
          h('button', { type: 'button', class: 'tl-button', onclick: () => this.actions.selectEdge(e.edgeId), title: e.edgeId }, h('time', {}, formatTime(e.at)), h('span', { class: 'tl-kind' }, tk('tl', e.kind)), h('span', { class: 'tl-summary' }, eventText(e))),
        ),
      );
    }
    return h(
      'section',
      {},
      h('h4', {}, t('details.timeline'), ' ', h('span', { class: 'muted small' }, t('details.timeline.count', { total: data.total }))),
      data.events.length === 0 ? h('p', { class: 'muted', i18n: 'details.timeline.empty' }) : list,
      data.total > data.events.length ? h('p', { class: 'muted small' }, t('details.timeline.more', { shown: data.events.length, total: data.total })) : null,
    );
  }
}

/** What a timeline row says after its kind: the case and the person's role in it, else the place, else the server's summary. */
function eventText(e: TimelineEvent): string {
  if (e.kind === 'CASE') return e.role ? withNote(e.counterpart ?? '', tk('value.role', e.role)) : (e.counterpart ?? '');
  if (e.location) return `${e.location.name}${e.location.town ? ` · ${e.location.town}` : ''}`;
  return e.summary.replace(/^\S+\s/, '');
}

const CODED_KEYS = new Set(['gender', 'employment', 'type', 'status', 'role']);

function show(key: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => (key === 'tags' ? tk('tag', String(v)) : String(v))).join('、');
  if (TIME_KEYS.has(key) && typeof value === 'string') return formatTime(value);
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  // Codes of the exchange format (gender M/F, employment, case type and status, roles) in words.
  if (CODED_KEYS.has(key) && typeof value === 'string') return tk(`value.${key}`, value);
  return String(value);
}

function table(rows: [string, string][]): HTMLElement {
  return h('dl', { class: 'props' }, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}
