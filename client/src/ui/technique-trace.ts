import { traceAssociates, type TracePlace, type TraceResult } from '../api/techniques-api.js';
import { h } from './dom.js';
import { formatTime, t } from './i18n.js';
import { locationGid, personGid, rankedList, type RankedItem } from './ranked-list.js';
import { drawEvidence, field, fillFromSelection, heading, isoOf, localInput, personInput, runButton, runWith, type TechContext } from './technique-kit.js';

/** 关系人员倒查法: where a silent fugitive may be, from the associates' traces. */
export function buildTracePanel(ctx: TechContext): HTMLElement {
  const person = personInput(ctx, 'trace-person');
  const depth = h('select', { id: 'trace-depth' }, h('option', { value: '1' }, '1'), h('option', { value: '2', selected: true }, '2'), h('option', { value: '3' }, '3'));
  const from = localInput('trace-from');
  const to = localInput('trace-to');
  const after = h('input', { type: 'checkbox', checked: true, id: 'trace-after' });
  const limit = h('input', { type: 'number', min: '1', max: '50', value: '10', id: 'trace-limit' });
  const run = runButton('trace-run');
  const out = h('div', { class: 'tech-results', id: 'trace-results' });
  const form = h(
    'form',
    { class: 'tech-form' },
    h('p', { class: 'muted small', i18n: 'tech.trace.lead' }),
    person.el,
    h('div', { class: 'row' }, field('tech.depth', depth), field('tech.limit', limit)),
    h('div', { class: 'row' }, field('tech.from', from), field('tech.to', to)),
    h('label', { class: 'check' }, after, h('span', { i18n: 'tech.afterLast' })),
    run,
    out,
  );
  const go = () =>
    runWith(
      run,
      out,
      () => traceAssociates({ personId: person.input.value.trim(), depth: Number(depth.value), from: isoOf(from), to: isoOf(to), afterLastOwnTrace: after.checked, limit: Number(limit.value) || 10 }),
      (r) => render(ctx, r, out),
    );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (person.input.value.trim()) void go();
  });
  // the chart's right-click menu "trace associates" fills the person and runs
  document.addEventListener('clew:trace', (e) => {
    const detail = (e as CustomEvent<{ id: string }>).detail;
    person.input.value = detail.id.replace(/^Person:/, '');
    void go();
  });
  if (!person.input.value) fillFromSelection(ctx, person.input);
  return form;
}

function render(ctx: TechContext, r: TraceResult, out: HTMLElement): void {
  const subject = personGid(r.person.uid ?? r.person.name);
  const pathOf = (ids: string[]) => r.associates.filter((a) => ids.includes(a.personId)).flatMap((a) => a.path.map(personGid));
  const item = (p: TracePlace, town: boolean): RankedItem => {
    const ids = p.associates.map((a) => a.personId);
    const places = town ? r.subgraph.nodes.filter((n) => n.kind === 'LOCATION' && n.properties.town === p.town).map((n) => n.id) : p.locationId ? [locationGid(p.locationId)] : [];
    return {
      rank: p.rank,
      title: town ? (p.town ?? p.region ?? '?') : t('tech.trace.place', { name: p.locationName ?? p.locationId ?? '?', town: p.town ?? '' }),
      subtitle: t('tech.trace.placeSub', { events: p.events, from: p.window.from, to: p.window.to, peak: p.window.peak, count: p.associates.length }),
      score: p.score,
      parts: p.parts,
      evidence: [subject, ...places, ...ids.map(personGid), ...pathOf(ids)],
    };
  };
  const pick = (i: RankedItem) => void drawEvidence(ctx, r.subgraph, [...new Set(i.evidence)], t('tech.evidence.label', { technique: t('tech.trace'), name: i.title }));
  out.append(
    h('p', { class: 'small' }, t('tech.trace.summary', { name: r.person.name, last: formatTime(r.lastOwnTraceAt) || '—', from: formatTime(r.searchedFrom, false), to: formatTime(r.searchedTo, false) })),
    heading('tech.trace.towns'),
    rankedList(r.towns.map((p) => item(p, true)), pick, 'trace-towns'),
    heading('tech.trace.places'),
    rankedList(r.places.map((p) => item(p, false)), pick, 'trace-places'),
  );
}
