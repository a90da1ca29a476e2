import { linkCases, type CoincidenceScore, type LinkCasesResult } from '../api/techniques-api.js';
import { h } from './dom.js';
import { numberOf } from './form-values.js';
import { formatTime, t, tk } from './i18n.js';
import { caseGid, personGid, rankedList, type RankedItem } from './ranked-list.js';
import { caseInput, drawEvidence, field, fillFromSelection, heading, runButton, runWith, type TechContext } from './technique-kit.js';

/** 人员轨迹串并法: similar cases, then the solved cases' offenders tested against the local scenes. */
export function buildLinkCasesPanel(ctx: TechContext): HTMLElement {
  const { input: caseId, el: caseField } = caseInput(ctx, 'link-case');
  const radius = h('input', { type: 'number', min: '100', max: '20000', value: '3000', id: 'link-radius' });
  const slack = h('input', { type: 'number', min: '0', max: '48', value: '3', id: 'link-slack' });
  const run = runButton('link-run');
  const out = h('div', { class: 'tech-results', id: 'link-results' });
  const form = h(
    'form',
    { class: 'tech-form' },
    h('p', { class: 'muted small', i18n: 'tech.linkCases.lead' }),
    caseField,
    h('div', { class: 'row' }, field('tech.linkCases.radius', radius), field('tech.linkCases.slack', slack)),
    run,
    out,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!caseId.value.trim()) fillFromSelection(ctx, caseId, 'CASE');
    if (!caseId.value.trim()) return;
    void runWith(run, out, () => linkCases({ caseId: caseId.value.trim(), radiusM: numberOf(radius, 3000), slackHours: numberOf(slack, 3), limit: 10 }), (r) => render(ctx, r, out));
  });
  return form;
}

function render(ctx: TechContext, r: LinkCasesResult, out: HTMLElement): void {
  const pick = (item: RankedItem) => void drawEvidence(ctx, r.subgraph, item.evidence, t('tech.evidence.label', { technique: t('tech.linkCases'), name: item.title }));
  const person = (c: CoincidenceScore): RankedItem => ({
    rank: c.rank,
    title: c.name ?? c.personId,
    subtitle: `${c.observed} / ${c.expectedByChance.toFixed(2)} · ${c.coincidentCases.join(', ')}`,
    score: c.score,
    parts: c.parts,
    evidence: [personGid(c.personId), ...c.coincidentCases.map(caseGid)],
  });
  out.append(
    heading('tech.linkCases.similar'),
    rankedList(
      r.similar.map((s) => ({
        rank: s.rank,
        title: `${s.title ?? s.caseId}${s.inSeries ? ' ★' : ''}`,
        subtitle: `${s.agency ?? ''} · ${formatTime(s.occurredFrom, false)} · ${tk('value.status', s.status)} · ${s.sharedMo.join(' ')}`,
        score: s.score,
        parts: s.parts,
        evidence: [caseGid(r.caseId), caseGid(s.caseId), ...s.named.map(personGid)],
      })),
      pick,
      'link-similar',
    ),
    heading('tech.linkCases.offenders'),
    ...r.offenderTests.map((o) => h('div', {}, h('p', { class: 'small' }, `${o.solvedCase} → ${o.coincidentCases.join(', ')} (${o.score.toFixed(2)})`), rankedList(o.offenders.map(person), pick, `link-offenders-${o.solvedCase}`))),
    heading('tech.linkCases.present'),
    rankedList(r.present.slice(0, 20).map(person), pick, 'link-present'),
  );
}
