import { runCollision, type CollisionResult } from '../api/techniques-api.js';
import { h } from './dom.js';
import { formatTime, t, tk } from './i18n.js';
import { locationGid, personGid, rankedList } from './ranked-list.js';
import { drawEvidence, field, heading, isoOf, localInput, runButton, runWith, type TechContext } from './technique-kit.js';

/** 批量比对碰撞法: a period's records against the watch-lists; gatherings become orders. */
export function buildCollisionPanel(ctx: TechContext, onOrders: () => void): HTMLElement {
  const from = localInput('collision-from');
  const to = localInput('collision-to');
  const lists = h('div', { class: 'row' });
  const boxes = ['DRUG_USER', 'FUGITIVE', 'EX_OFFENDER'].map((l) => {
    const b = h('input', { type: 'checkbox', value: l, checked: l === 'DRUG_USER' });
    lists.appendChild(h('label', { class: 'check' }, b, tk('tag', l)));
    return b;
  });
  const issue = h('input', { type: 'checkbox', checked: true, id: 'collision-issue' });
  const run = runButton('collision-run');
  const out = h('div', { class: 'tech-results', id: 'collision-results' });
  const form = h(
    'form',
    { class: 'tech-form' },
    h('p', { class: 'muted small', i18n: 'tech.collision.lead' }),
    h('div', { class: 'row' }, field('tech.from', from), field('tech.to', to)),
    h('fieldset', { class: 'kind-group' }, h('legend', { i18n: 'tech.collision.lists' }), lists),
    h('label', { class: 'check' }, issue, h('span', { i18n: 'tech.collision.issue' })),
    run,
    out,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
    void runWith(run, out, () => runCollision({ from: isoOf(from), to: isoOf(to), watchLists: chosen.length ? chosen : null, issueOrders: issue.checked }), (r) => {
      render(ctx, r, out);
      if (r.orders.some((o) => o.created)) onOrders();
    });
  });
  return form;
}

function render(ctx: TechContext, r: CollisionResult, out: HTMLElement): void {
  out.append(
    h('p', { class: 'small' }, t('tech.collision.summary', { total: r.compared.total, hits: r.hits.length, groups: r.groups.length, orders: r.orders.length })),
    heading('tech.collision.groups'),
    rankedList(
      r.groups.map((g, i) => ({
        rank: i + 1,
        title: `${g.ruleName} · ${tk('tag', g.watchList)} · ${g.members.length}`,
        subtitle: `${g.station ?? g.scopeKey} · ${formatTime(g.firstAt)} – ${formatTime(g.lastAt)}`,
        score: g.members.length,
        reasons: [g.why],
        evidence: [...g.members.map(personGid), ...g.places.map(locationGid)],
      })),
      (item) => void drawEvidence(ctx, r.subgraph, item.evidence, t('tech.evidence.label', { technique: t('tech.collision'), name: item.title })),
      'collision-groups',
    ),
    heading('tech.collision.orders'),
    h('ul', { class: 'plain small' }, ...r.orders.map((o) => h('li', {}, `${o.order.title} · ${o.order.station} · ${formatTime(o.order.deadline)}`))),
    heading('tech.collision.hits'),
    rankedList(
      r.hits.slice(0, 50).map((x, i) => ({
        rank: i + 1,
        title: `${x.subjectName ?? x.member} · ${x.locationName}`,
        subtitle: `${tk('rel', x.kind === 'STAY' ? 'STAYED_AT' : x.kind)} ${formatTime(x.at)} · ${x.matchedBy}`,
        score: x.strength,
        evidence: [x.subjectId ? personGid(x.subjectId) : x.member, locationGid(x.locationId)],
      })),
      (item) => void drawEvidence(ctx, r.subgraph, item.evidence, t('tech.evidence.label', { technique: t('tech.collision'), name: item.title })),
      'collision-hits',
    ),
  );
}
