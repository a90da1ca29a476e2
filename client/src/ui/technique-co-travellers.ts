import { coTravellers } from '../api/techniques-api.js';
import { h } from './dom.js';
import { t } from './i18n.js';
import { locationGid, personGid, rankedList } from './ranked-list.js';
import { drawEvidence, field, isoOf, localInput, personInput, runButton, runWith, type TechContext } from './technique-kit.js';

/** Co-travellers: who keeps being at the same hotel, café or checkpoint with this person. */
export function buildCoTravellersPanel(ctx: TechContext): HTMLElement {
  const person = personInput(ctx, 'co-person');
  const minTimes = h('input', { type: 'number', min: '1', max: '50', value: '4', id: 'co-min' });
  const from = localInput('co-from');
  const to = localInput('co-to');
  const run = runButton('co-run');
  const out = h('div', { class: 'tech-results', id: 'co-results' });
  const form = h('form', { class: 'tech-form' }, h('p', { class: 'muted small', i18n: 'tech.coTravellers.lead' }), person.el, field('tech.coTravellers.minTimes', minTimes), h('div', { class: 'row' }, field('tech.from', from), field('tech.to', to)), run, out);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const id = person.input.value.trim();
    if (!id) return;
    void runWith(run, out, () => coTravellers({ personId: id, minTimes: Number(minTimes.value) || 4, from: isoOf(from), to: isoOf(to) }), (r) =>
      out.append(
        rankedList(
          r.companions.map((c) => ({
            rank: c.rank,
            title: c.name,
            subtitle: t('tech.coTravellers.sub', { times: c.times, days: c.distinctDays, hotel: c.hotelNights, cafe: c.cafeSessions, pass: c.checkpointPasses }),
            score: c.score,
            parts: c.parts,
            evidence: [personGid(id), personGid(c.personId), ...new Set(c.together.map((x) => locationGid(x.locationId)))],
          })),
          (item) => void drawEvidence(ctx, r.subgraph, item.evidence, t('tech.evidence.label', { technique: t('tech.coTravellers'), name: item.title })),
          'co-companions',
        ),
      ),
    );
  });
  return form;
}
