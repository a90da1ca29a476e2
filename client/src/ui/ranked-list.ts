import type { ScorePart } from '../api/techniques-api.js';
import type { ApiSubgraph } from '../graph/elements.js';
import { h } from './dom.js';
import { t, tk } from './i18n.js';

/**
 * A technique's ranked results: rank, what, why (the score's parts with their
 * explanations), and a click that draws that result's evidence on the chart.
 */
export interface RankedItem {
  rank: number;
  title: string;
  subtitle?: string;
  score: number;
  parts?: ScorePart[];
  reasons?: string[];
  /** Graph ids of the nodes that make this result's evidence. */
  evidence: string[];
}

export function rankedList(items: RankedItem[], onPick: (item: RankedItem, el: HTMLElement) => void, id: string): HTMLElement {
  const list = h('ol', { class: 'ranked', id });
  if (items.length === 0) return h('p', { class: 'muted', i18n: 'tech.noResults' });
  for (const item of items) {
    const why = h(
      'details',
      { class: 'why' },
      h('summary', { i18n: 'tech.why' }),
      ...(item.reasons ?? []).map((r) => h('p', { class: 'small' }, r)),
      item.parts?.length ? h('ul', { class: 'parts small' }, ...item.parts.map((p) => h('li', {}, h('strong', {}, `${tk('part', p.name)} ${fmt(p.value)}`), ' — ', p.explanation))) : null,
    );
    const row = h(
      'li',
      { class: 'ranked-item', 'data-rank': String(item.rank) },
      h(
        'button',
        { type: 'button', class: 'ranked-main', title: t('tech.drawEvidence') },
        h('span', { class: 'rank' }, String(item.rank)),
        h('span', { class: 'ranked-text' }, h('span', { class: 'ranked-title' }, item.title), item.subtitle ? h('span', { class: 'ranked-sub' }, item.subtitle) : null),
        h('span', { class: 'score', title: t('tech.score') }, fmt(item.score)),
      ),
      why,
    );
    row.querySelector('button')!.addEventListener('click', () => {
      list.querySelectorAll('.ranked-item.active').forEach((e) => e.classList.remove('active'));
      row.classList.add('active');
      onPick(item, row);
    });
    list.appendChild(row);
  }
  return list;
}

function fmt(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(3);
}

/** The part of a result's subgraph that concerns the given nodes: them and the ties among them. */
export function evidenceOf(sg: ApiSubgraph, ids: string[]): ApiSubgraph {
  const keep = new Set(ids);
  // a vehicle or phone between a person and a place (car passes, calls) belongs to the evidence
  const touching = new Map<string, Set<string>>();
  for (const e of sg.edges) {
    for (const [a, b] of [[e.source, e.target], [e.target, e.source]] as const) {
      if (keep.has(a) && !keep.has(b)) touching.set(b, (touching.get(b) ?? new Set()).add(a));
    }
  }
  for (const [id, ends] of touching) if (ends.size >= 2) keep.add(id);
  const nodes = sg.nodes.filter((n) => keep.has(n.id));
  const edges = sg.edges.filter((e) => keep.has(e.source) && keep.has(e.target));
  return { nodes, edges, truncated: false, omitted: [] };
}

export const personGid = (id: string) => (id.includes(':') ? id : `Person:${id}`);
export const locationGid = (id: string) => (id.includes(':') ? id : `Location:${id}`);
export const caseGid = (id: string) => (id.includes(':') ? id : `Case:${id}`);
