import { runCollision, type CollisionResult } from '../api/techniques-api.js';
import { watchLists } from '../api/watch-lists-api.js';
import { clear, h } from './dom.js';
import { reportError } from './errors.js';
import { formatTime, t, tk } from './i18n.js';
import { locationGid, personGid, rankedList } from './ranked-list.js';
import { drawEvidence, field, heading, isoOf, localInput, runButton, runWith, type TechContext } from './technique-kit.js';
import { listLabel, openWatchListsManager } from './watch-lists-manager.js';

/**
 * 批量比对碰撞法: a period's records against the watch-lists; gatherings become orders. The
 * lists are read from the server (analysts add and change them in 名单管理); ticked at first
 * is the drug users' list, the daily comparison of article 2.
 */
export function buildCollisionPanel(ctx: TechContext, canManageLists: boolean, onOrders: () => void): HTMLElement {
  const from = localInput('collision-from');
  const to = localInput('collision-to');
  const lists = h('div', { class: 'row', id: 'collision-lists' });
  const ticked = new Set(['DRUG_USER']);
  /** Each list's title by its name, for saying which list a hit matched. */
  const listTitles = new Map<string, string>();
  const boxes = () => [...lists.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const loadLists = async () => {
    // What was ticked stays ticked when the lists are read again.
    for (const b of boxes()) {
      if (b.checked) ticked.add(b.value);
      else ticked.delete(b.value);
    }
    try {
      const all = await watchLists();
      clear(lists);
      for (const l of all) listTitles.set(l.name, l.title);
      for (const l of all.filter((x) => x.active)) {
        lists.appendChild(h('label', { class: 'check', title: listLabel(l) }, h('input', { type: 'checkbox', value: l.name, checked: ticked.has(l.name) }), l.title));
      }
    } catch (e) {
      reportError(e);
    }
  };
  // A run waits for the lists: with none ticked yet it would compare every list.
  let listsLoaded = loadLists();
  const manage = h('button', { type: 'button', class: 'small', id: 'collision-manage', i18n: 'tech.collision.manage', onclick: () => void openWatchListsManager(canManageLists, () => (listsLoaded = loadLists())) });
  const issue = h('input', { type: 'checkbox', checked: true, id: 'collision-issue' });
  const run = runButton('collision-run');
  const out = h('div', { class: 'tech-results', id: 'collision-results' });
  const form = h(
    'form',
    { class: 'tech-form' },
    h('p', { class: 'muted small', i18n: 'tech.collision.lead' }),
    h('div', { class: 'row' }, field('tech.from', from), field('tech.to', to)),
    h('fieldset', { class: 'kind-group' }, h('legend', { i18n: 'tech.collision.lists' }), lists, manage),
    h('label', { class: 'check' }, issue, h('span', { i18n: 'tech.collision.issue' })),
    run,
    out,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void runWith(run, out, async () => {
      await listsLoaded;
      const chosen = boxes().filter((b) => b.checked).map((b) => b.value);
      return runCollision({ from: isoOf(from), to: isoOf(to), watchLists: chosen.length ? chosen : null, issueOrders: issue.checked });
    }, (r) => {
      render(ctx, r, out, listTitles);
      if (r.orders.some((o) => o.created)) onOrders();
    });
  });
  return form;
}

/** A hit's record kind as the tie it is on the chart (STAY is a 住宿 like STAYED_AT). */
const RECORD_TIE: Record<string, string> = { STAY: 'STAYED_AT', LOGIN: 'LOGGED_IN', PASS: 'PASSED', CALL: 'CALLED' };

function render(ctx: TechContext, r: CollisionResult, out: HTMLElement, listTitles: Map<string, string>): void {
  out.append(
    h('p', { class: 'small' }, t('tech.collision.summary', { total: r.compared.total, hits: r.hits.length, groups: r.groups.length, orders: r.orders.length })),
    heading('tech.collision.groups'),
    rankedList(
      r.groups.map((g, i) => ({
        rank: i + 1,
        title: `${g.ruleName} · ${tk('tag', g.watchList)} · ${g.members.length}`,
        subtitle: `${g.scopeName ?? g.station ?? g.scopeKey} · ${formatTime(g.firstAt)} – ${formatTime(g.lastAt)}`,
        score: g.members.length,
        reasons: [g.why],
        evidence: [...g.members.map(personGid), ...g.places.map(locationGid)],
      })),
      (item) => void drawEvidence(ctx, r.subgraph, item.evidence, t('tech.evidence.label', { technique: t('tech.collision'), name: item.title })),
      'collision-groups',
    ),
    heading('tech.collision.orders'),
    h('ul', { class: 'plain small' }, ...r.orders.map((o) => h('li', {}, `${o.order.title} · ${o.order.stationName ?? o.order.station} · ${formatTime(o.order.deadline)}`))),
    heading('tech.collision.hits'),
    rankedList(
      r.hits.slice(0, 50).map((x, i) => ({
        rank: i + 1,
        title: `${x.who} · ${x.locationName}`,
        subtitle: `${tk('rel', RECORD_TIE[x.kind] ?? x.kind)} ${formatTime(x.at)} · ${t('tech.collision.matchedBy', { field: tk('match', x.matchedBy), list: listTitles.get(x.watchList) ?? x.watchList })}`,
        score: x.strength,
        evidence: [x.subjectId ? personGid(x.subjectId) : x.member, locationGid(x.locationId)],
      })),
      (item) => void drawEvidence(ctx, r.subgraph, item.evidence, t('tech.evidence.label', { technique: t('tech.collision'), name: item.title })),
      'collision-hits',
    ),
  );
}
