import { paths, type PathResult } from '../api/graph-api.js';
import type { ApiSubgraph } from '../graph/elements.js';
import { clear, h, icon } from './dom.js';
import { reportError } from './errors.js';
import { formatTime, onLanguageChange, t, tk } from './i18n.js';
import { toast } from './toasts.js';

/**
 * Paths between two persons: pick them (from the chart's selection or its right-click
 * menu), find the shortest and the other short paths, draw them highlighted, and list
 * each hop with the record behind it (source system, its key, when it was taken in).
 */
export interface PathEnd {
  id: string;
  label: string;
}

export interface PathsActions {
  selectedPersons(): PathEnd[];
  personsOnChart(): PathEnd[];
  draw(sg: ApiSubgraph, paths: PathResult[], active: number): Promise<void>;
  highlight(paths: PathResult[], active: number): void;
  clearHighlight(): void;
  labelOf(id: string): string;
}

const MOVEMENT_KINDS = ['STAYED_AT', 'LOGGED_IN', 'PASSED', 'CALLED', 'USES_PHONE', 'OWNS_VEHICLE'];
const PERSON_KINDS = ['FAMILY', 'ASSOCIATE', 'CO_OFFENDER', 'PARTNER', 'OLD_RELATION', 'COLLEAGUE', 'CONTACT', 'SAME_AS'];

export class PathsPanel {
  readonly el: HTMLElement;
  private from: PathEnd | null = null;
  private to: PathEnd | null = null;
  private readonly fromBox = h('select', { class: 'path-end', id: 'path-from' });
  private readonly toBox = h('select', { class: 'path-end', id: 'path-to' });
  private readonly mode = h('select', { id: 'paths-mode' });
  private readonly k = h('input', { type: 'number', min: '1', max: '10', value: '3', id: 'paths-k' });
  private readonly maxHops = h('input', { type: 'number', min: '1', max: '8', value: '6', id: 'paths-max-hops' });
  private readonly movements = h('input', { type: 'checkbox', id: 'paths-movements' });
  private readonly results = h('div', { class: 'path-results', id: 'path-results' });
  private found: PathResult[] = [];
  private active = 0;

  constructor(private readonly actions: PathsActions) {
    for (const m of ['K_SHORTEST', 'ALL_SHORTEST', 'SHORTEST']) this.mode.appendChild(h('option', { value: m, i18n: `paths.mode.${m}` as 'paths.mode.SHORTEST' }));
    const go = h('button', { type: 'button', class: 'primary', id: 'paths-go', onclick: () => void this.run() }, icon('path'), h('span', { i18n: 'paths.go' }));
    this.el = h(
      'section',
      { class: 'panel paths-panel' },
      h('h2', { i18n: 'paths.heading' }),
      h('p', { class: 'muted small', i18n: 'paths.lead' }),
      h('div', { class: 'path-ends' }, h('label', { for: 'path-from' }, h('span', { i18n: 'paths.from' }), this.fromBox), h('label', { for: 'path-to' }, h('span', { i18n: 'paths.to' }), this.toBox)),
      h('button', { type: 'button', class: 'small', id: 'paths-pick', onclick: () => this.pickSelected() }, h('span', { i18n: 'paths.pick' })),
      h('div', { class: 'row' }, h('label', { for: 'paths-mode' }, h('span', { i18n: 'paths.mode' }), this.mode), h('label', { for: 'paths-k' }, h('span', { i18n: 'paths.k' }), this.k), h('label', { for: 'paths-max-hops' }, h('span', { i18n: 'paths.maxHops' }), this.maxHops)),
      h('label', { class: 'check' }, this.movements, h('span', { i18n: 'paths.movements' })),
      go,
      this.results,
    );
    this.renderEnds();
    // the lists offer the persons on the chart, read afresh whenever they are opened
    for (const [box, which] of [[this.fromBox, 'from'], [this.toBox, 'to']] as const) {
      box.addEventListener('focus', () => this.renderEnds());
      box.addEventListener('mousedown', () => this.renderEnds());
      box.addEventListener('change', () => {
        const id = box.value;
        this[which] = id ? { id, label: box.selectedOptions[0]?.textContent ?? id } : null;
      });
    }
    new MutationObserver(() => this.renderEnds()).observe(this.el, { attributes: true, attributeFilter: ['hidden'] });
    onLanguageChange(() => {
      this.renderEnds();
      this.renderResults();
    });
  }

  setEnd(which: 'from' | 'to', end: PathEnd): void {
    this[which] = end;
    this.renderEnds();
  }

  pickSelected(): void {
    const persons = this.actions.selectedPersons();
    if (persons.length >= 2) {
      this.from = persons[0]!;
      this.to = persons[1]!;
    } else if (persons.length === 1) {
      if (!this.from || this.to) {
        this.from = persons[0]!;
        this.to = null;
      } else this.to = persons[0]!;
    } else toast(t('select.first'), 'warn');
    this.renderEnds();
  }

  async run(): Promise<PathResult[]> {
    if (!this.from || !this.to) {
      toast(t('paths.needTwo'), 'warn');
      return [];
    }
    if (this.from.id === this.to.id) {
      toast(t('paths.samePerson'), 'warn');
      return [];
    }
    clear(this.results);
    this.results.appendChild(h('p', { class: 'muted', i18n: 'paths.busy' }));
    try {
      const relationTypes = this.movements.checked ? [...PERSON_KINDS, ...MOVEMENT_KINDS] : null;
      const result = await paths(recordId(this.from.id), recordId(this.to.id), { maxHops: Number(this.maxHops.value) || 6, mode: this.mode.value, k: Number(this.k.value) || 3, relationTypes });
      this.found = result.paths;
      this.active = 0;
      this.renderResults();
      if (this.found.length) await this.actions.draw(result.subgraph, this.found, 0);
      return this.found;
    } catch (e) {
      clear(this.results);
      reportError(e);
      return [];
    }
  }

  private renderEnds(): void {
    const persons = this.actions.personsOnChart().sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
    const fill = (box: HTMLSelectElement, end: PathEnd | null) => {
      const list = end && !persons.some((p) => p.id === end.id) ? [end, ...persons] : persons;
      box.replaceChildren(h('option', { value: '' }, t('paths.unset')), ...list.map((p) => h('option', { value: p.id }, p.label)));
      box.value = end?.id ?? '';
      box.classList.toggle('unset', !end);
    };
    fill(this.fromBox, this.from);
    fill(this.toBox, this.to);
  }

  private renderResults(): void {
    clear(this.results);
    if (this.found.length === 0) {
      if (this.from && this.to && this.results.dataset.ran) this.results.appendChild(h('p', { class: 'muted' }, t('paths.none', { hops: this.maxHops.value })));
      return;
    }
    this.results.dataset.ran = '1';
    this.results.appendChild(h('div', { class: 'row spread' }, h('strong', {}, t('paths.found', { count: this.found.length })), h('button', { type: 'button', class: 'text-button small', onclick: () => this.actions.clearHighlight(), i18n: 'paths.clear' })));
    const shortest = Math.min(...this.found.map((p) => p.length));
    this.found.forEach((p, i) => {
      const hops = h('ol', { class: 'hops' });
      for (const hop of p.hops) {
        const at = hop.properties.checkIn ?? hop.properties.at ?? hop.properties.since;
        hops.appendChild(
          h(
            'li',
            {},
            h('div', { class: 'hop-main' }, h('span', {}, this.actions.labelOf(hop.from)), h('span', { class: `hop-kind rel-${hop.kind}` }, ` —${tk('rel', hop.kind)}${at ? ' ' + formatTime(String(at), false) : ''}→ `), h('span', {}, this.actions.labelOf(hop.to))),
            h('div', { class: 'hop-prov muted small' }, t('paths.hop.provenance', { source: hop.provenance.source ?? '?', sourceId: hop.provenance.sourceId ?? '?', at: formatTime(hop.provenance.ingestedAt) || '?' })),
          ),
        );
      }
      const card = h(
        'div',
        { class: `path-card${i === this.active ? ' active' : ''}`, 'data-index': String(i) },
        h(
          'button',
          {
            type: 'button',
            class: 'path-title',
            onclick: () => {
              this.active = i;
              this.actions.highlight(this.found, i);
              this.renderResults();
            },
          },
          t('paths.path', { n: i + 1, length: p.length }),
          p.length === shortest ? h('span', { class: 'kind-tag' }, t('paths.shortest')) : null,
        ),
        hops,
      );
      this.results.appendChild(card);
    });
  }
}

/** paths() takes record ids (P-LI), the chart has graph ids (Person:P-LI). */
function recordId(graphId: string): string {
  return graphId.startsWith('Person:') ? graphId.slice('Person:'.length) : graphId;
}
