import { search, type SearchHit } from '../api/graph-api.js';
import { legendImage } from '../graph/node-images.js';
import { visualKindOf } from '../graph/visual-kinds.js';
import { clear, h, icon } from './dom.js';
import { reportError } from './errors.js';
import { fieldName, onLanguageChange, t, tk } from './i18n.js';

/**
 * Search for persons (name, resident ID, phone, plate), cases and places; results as a
 * list that drops onto the chart (click: add; the second button: add and expand).
 * Arrow keys move through the results, Enter adds.
 */
export interface SearchActions {
  add(hit: SearchHit, expand: boolean): void;
}

const KINDS = ['all', 'PERSON', 'CASE', 'LOCATION'] as const;

export class SearchPanel {
  readonly el: HTMLElement;
  readonly input: HTMLInputElement;
  private kind: (typeof KINDS)[number] = 'all';
  private readonly list = h('ul', { class: 'results', role: 'listbox', id: 'search-results' });
  private readonly info = h('p', { class: 'muted small', i18n: 'search.hint' });
  private hits: SearchHit[] = [];
  private total = 0;
  private controller: AbortController | null = null;

  constructor(private readonly actions: SearchActions) {
    this.input = h('input', { type: 'search', id: 'search-input', i18nPlaceholder: 'search.placeholder', autocomplete: 'off', 'aria-controls': 'search-results' });
    const form = h('form', { class: 'search-form', role: 'search' }, this.input, h('button', { type: 'submit', class: 'primary', i18nTitle: 'search.button' }, icon('search'), h('span', { i18n: 'search.button' })));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.run();
    });
    const chips = h('div', { class: 'chips', role: 'radiogroup' });
    for (const k of KINDS) {
      const chip = h('button', { type: 'button', class: `chip${k === this.kind ? ' on' : ''}`, role: 'radio', 'aria-checked': String(k === this.kind), i18n: k === 'all' ? 'search.kinds.all' : (`search.kinds.${k}` as const) });
      chip.addEventListener('click', () => {
        this.kind = k;
        chips.querySelectorAll('.chip').forEach((c) => {
          c.classList.toggle('on', c === chip);
          c.setAttribute('aria-checked', String(c === chip));
        });
        if (this.input.value.trim()) void this.run();
      });
      chips.appendChild(chip);
    }
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        this.list.querySelector<HTMLElement>('.result-main')?.focus();
      }
    });
    this.list.addEventListener('keydown', (e) => this.onListKey(e));
    this.el = h('section', { class: 'panel search-panel' }, form, chips, this.info, this.list);
    onLanguageChange(() => this.renderList());
  }

  focus(): void {
    this.input.focus();
    this.input.select();
  }

  async run(text = this.input.value.trim()): Promise<SearchHit[]> {
    if (!text) return [];
    this.input.value = text;
    this.controller?.abort();
    this.info.textContent = t('search.busy');
    try {
      const result = await search(text, this.kind === 'all' ? null : [this.kind]);
      this.hits = result.hits;
      this.total = result.total;
      this.renderList();
      return this.hits;
    } catch (e) {
      this.info.textContent = '';
      reportError(e);
      return [];
    }
  }

  private renderList(): void {
    clear(this.list);
    if (this.hits.length === 0) {
      this.info.textContent = this.input.value.trim() ? t('search.empty') : t('search.hint');
      return;
    }
    this.info.textContent = t('search.count', { total: this.total, shown: this.hits.length });
    for (const hit of this.hits) {
      const vkind = visualKindOf(hit.kind, hit.kind === 'LOCATION' ? { type: locationType(hit.detail) } : {});
      const main = h(
        'button',
        { class: 'result-main', type: 'button', 'data-id': hit.id, onclick: () => this.actions.add(hit, false), title: t('search.add') },
        h('img', { src: legendImage(vkind), alt: '', width: 28, height: 28 }),
        h(
          'span',
          { class: 'result-text' },
          h('span', { class: 'result-label' }, hit.label, h('span', { class: 'kind-tag' }, tk('kind', hit.kind))),
          h('span', { class: 'result-detail' }, localDetail(hit)),
          h('span', { class: 'result-match' }, hit.matchedValue ? t('search.matchedValue', { field: fieldName(hit.kind, hit.matchedOn), value: hit.matchedValue }) : t('search.matchedOn', { field: fieldName(hit.kind, hit.matchedOn) })),
        ),
      );
      const more = h('button', { class: 'result-expand icon-button', type: 'button', title: t('search.addExpand'), 'aria-label': t('search.addExpand'), onclick: () => this.actions.add(hit, true) }, icon('expand'));
      this.list.appendChild(h('li', { role: 'option' }, main, more));
    }
  }

  private onListKey(e: KeyboardEvent): void {
    const buttons = [...this.list.querySelectorAll<HTMLElement>('.result-main')];
    const i = buttons.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' && i < buttons.length - 1) buttons[i + 1]!.focus();
    else if (e.key === 'ArrowUp') (i > 0 ? buttons[i - 1]! : this.input).focus();
    else return;
    e.preventDefault();
  }
}

/**
 * The server's second line names place types, case types and case statuses by their codes
 * (INTERNET_CAFE · 海安, FRAUD · 2026-08-27 · OPEN): shown here in the page's language.
 */
function localDetail(hit: SearchHit): string {
  if (!hit.detail || hit.kind === 'PERSON') return hit.detail ?? '';
  return hit.detail
    .split(' · ')
    .map((part) => (/^[A-Z_]+$/.test(part) ? localCode(part) : part))
    .join(' · ');
}

function localCode(code: string): string {
  const type = tk('value.type', code);
  return type !== code ? type : tk('value.status', code);
}

/** The search hit's detail line names the place type first (e.g. "HOTEL · 建湖"). */
function locationType(detail: string | null): string {
  const first = (detail ?? '').split(/[ ·,]/)[0] ?? '';
  return first.toUpperCase();
}
