import { dataQuality, type SourceQuality } from '../api/imports-api.js';
import { clear, h } from './dom.js';
import { reportError } from './errors.js';
import { fieldWithName, formatTime, onLanguageChange, t, tk } from './i18n.js';

/** What the server calls records that name no sending system (quality-stats.ts). */
const NO_SOURCE = '(no source)';
/** Fields filled in fewer than this share of records are named. */
const INCOMPLETE_BELOW = 0.95;

/**
 * Data quality per sending system over the last 30 days (完整、准确、鲜活): how many of its
 * records were rejected and why, how often it sends records twice, how fresh its newest
 * record is, and which fields it leaves empty. Read when the import tab opens.
 */
export class ImportQuality {
  readonly el: HTMLElement;
  private readonly list = h('ol', { class: 'quality-list', id: 'quality-list' });
  private readonly info = h('p', { class: 'muted small' });
  private sources: SourceQuality[] = [];

  constructor() {
    const reload = h('button', { type: 'button', class: 'small', id: 'quality-refresh', i18n: 'quality.refresh', onclick: () => void this.refresh() });
    this.el = h('section', { class: 'import-quality' }, h('div', { class: 'import-head' }, h('h3', { i18n: 'quality.heading' }), reload), this.info, this.list);
    onLanguageChange(() => this.render());
  }

  async refresh(): Promise<void> {
    try {
      this.sources = await dataQuality();
      this.render();
    } catch (e) {
      reportError(e);
    }
  }

  private render(): void {
    clear(this.list);
    this.info.textContent = this.sources.length ? '' : t('quality.none');
    for (const s of this.sources) this.list.appendChild(card(s));
  }
}

function card(s: SourceQuality): HTMLElement {
  const percent = (x: number) => `${(x * 100).toFixed(x > 0 && x < 0.01 ? 2 : 1)}%`;
  const reasons = s.rejectionsByReason.slice(0, 5).map((r) => {
    const [field = r.reason, rule = ''] = r.reason.split(': ');
    return h('li', { class: 'small' }, h('strong', {}, fieldWithName(field)), `：${rule ? tk('import.rule', rule) : ''} · ${r.count} (${percent(r.rate)})`);
  });
  const incomplete = s.kinds.flatMap((k) =>
    k.completeness
      .filter((c) => c.ratio < INCOMPLETE_BELOW)
      .map((c) => `${tk('quality.kind', k.kind)}·${tk('field', c.field)} ${percent(c.ratio)}`),
  );
  return h(
    'li',
    { class: 'quality-source', 'data-source': s.source },
    h('strong', {}, s.source === NO_SOURCE ? t('quality.noSource') : s.source),
    h('p', { class: 'small muted' }, t('quality.imports', { count: s.imports, read: s.read }), s.lastImportAt ? ` · ${t('quality.last', { at: formatTime(s.lastImportAt) })}` : ''),
    h(
      'p',
      { class: 'small quality-rates' },
      h('span', { class: s.rejectionRate > 0 ? 'bad' : '' }, t('quality.rejected', { rate: percent(s.rejectionRate) })),
      h('span', {}, t('quality.duplicates', { rate: percent(s.duplicateRate) })),
      h('span', {}, t('quality.resent', { rate: percent(s.resentRate) })),
      s.futureDated > 0 ? h('span', { class: 'bad quality-future' }, t('quality.futureDated', { count: s.futureDated, rate: percent(s.futureDatedRate) })) : null,
    ),
    h('p', { class: 'small' }, freshness(s)),
    reasons.length ? h('ol', { class: 'quality-reasons' }, ...reasons) : null,
    incomplete.length ? h('p', { class: 'small muted' }, `${t('quality.incomplete')}：${incomplete.slice(0, 6).join('、')}`) : null,
  );
}

/**
 * How fresh the newest event is. The server leaves records dated in the future out of it
 * and counts them apart; imports from before it did may still show one as the newest.
 */
function freshness(s: SourceQuality): HTMLElement | string {
  if (!s.newestRecordAt) return t('quality.noEvents');
  const at = formatTime(s.newestRecordAt);
  if ((s.lagSeconds ?? 0) < 0) return h('span', { class: 'bad' }, t('quality.future', { at }));
  return t('quality.fresh', { at, lag: lagText(s.lagSeconds ?? 0) });
}

function lagText(seconds: number): string {
  if (seconds >= 86_400) return t('quality.lagDays', { days: Math.floor(seconds / 86_400), hours: Math.floor((seconds % 86_400) / 3600) });
  if (seconds >= 3600) return t('quality.lagHours', { hours: Math.floor(seconds / 3600) });
  return t('quality.lagMinutes', { minutes: Math.max(0, Math.floor(seconds / 60)) });
}
