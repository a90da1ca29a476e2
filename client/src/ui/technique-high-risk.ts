import { highRiskSearch, riskProfiles } from '../api/techniques-api.js';
import { h } from './dom.js';
import { reportError } from './errors.js';
import { t } from './i18n.js';
import { caseGid, personGid, rankedList } from './ranked-list.js';
import { drawEvidence, field, isoOf, localInput, runButton, runWith, type TechContext } from './technique-kit.js';

/** 高危地区检索法: persons of a risky origin active near local hotspots of that crime. */
export function buildHighRiskPanel(ctx: TechContext): HTMLElement {
  const profile = h('select', { id: 'risk-profile' });
  const from = localInput('risk-from');
  const to = localInput('risk-to');
  const run = runButton('risk-run');
  const out = h('div', { class: 'tech-results', id: 'risk-results' });
  const form = h('form', { class: 'tech-form' }, h('p', { class: 'muted small', i18n: 'tech.highRisk.lead' }), field('tech.highRisk.profile', profile), h('div', { class: 'row' }, field('tech.from', from), field('tech.to', to)), run, out);
  let loaded = false;
  const load = async () => {
    if (loaded) return;
    loaded = true;
    try {
      const list = await riskProfiles();
      profile.replaceChildren(...list.map((p) => h('option', { value: p.id }, `${p.originName} (${p.origin}) × ${p.caseType} · ${p.weight}`)));
      if (list.length === 0) out.replaceChildren(h('p', { class: 'muted', i18n: 'tech.highRisk.none' }));
    } catch (e) {
      loaded = false;
      reportError(e);
    }
  };
  form.addEventListener('focusin', () => void load());
  form.addEventListener('pointerenter', () => void load());
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!profile.value) return void load();
    void runWith(run, out, () => highRiskSearch({ profileId: profile.value, from: isoOf(from), to: isoOf(to), limit: 20 }), (r) =>
      out.append(
        h('p', { class: 'small' }, t('tech.highRisk.summary', { cases: r.casesConsidered, hotspots: r.hotspots.length })),
        rankedList(
          r.candidates.map((c) => ({ rank: c.rank, title: c.name, subtitle: `${c.origin ?? ''} · ${c.nearCases.length}`, score: c.score, parts: c.parts, reasons: c.reasons, evidence: [personGid(c.personId), ...c.nearCases.map(caseGid)] })),
          (item) => void drawEvidence(ctx, r.subgraph, item.evidence, t('tech.evidence.label', { technique: t('tech.highRisk'), name: item.title })),
          'risk-candidates',
        ),
      ),
    );
  });
  return form;
}
