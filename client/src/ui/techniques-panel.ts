import { dataExtent } from '../api/graph-api.js';
import { h } from './dom.js';
import type { StringKey } from './i18n.js';
import { buildCollisionPanel } from './technique-collision.js';
import { buildCoTravellersPanel } from './technique-co-travellers.js';
import { buildHighRiskPanel } from './technique-high-risk.js';
import type { TechContext } from './technique-kit.js';
import { buildLinkCasesPanel } from './technique-link-cases.js';
import { buildTracePanel } from './technique-trace.js';

/** The techniques tab: a choice of the four techniques (and co-travellers), each with its form and results. */
export function buildTechniquesPanel(ctx: TechContext & { openTab(name: string): void; canManageLists: boolean; canManageProfiles: boolean }): HTMLElement {
  const panels: { key: StringKey; id: string; el: HTMLElement }[] = [
    { key: 'tech.trace', id: 'trace', el: buildTracePanel(ctx) },
    { key: 'tech.collision', id: 'collision', el: buildCollisionPanel(ctx, ctx.canManageLists, () => document.dispatchEvent(new CustomEvent('clew:orders-changed'))) },
    { key: 'tech.linkCases', id: 'link', el: buildLinkCasesPanel(ctx) },
    { key: 'tech.coTravellers', id: 'co', el: buildCoTravellersPanel(ctx) },
    { key: 'tech.highRisk', id: 'risk', el: buildHighRiskPanel(ctx, ctx.canManageProfiles) },
  ];
  const chooser = h('div', { class: 'tech-chooser', role: 'tablist' });
  const show = (id: string) => {
    for (const p of panels) {
      p.el.hidden = p.id !== id;
      chooser.querySelector(`#tech-${p.id}`)?.setAttribute('aria-selected', String(p.id === id));
    }
  };
  for (const p of panels) chooser.appendChild(h('button', { type: 'button', role: 'tab', id: `tech-${p.id}`, i18n: p.key, onclick: () => show(p.id) }));
  document.addEventListener('clew:trace', () => show('trace'));
  show('trace');
  const section = h('section', { class: 'panel techniques-panel' }, h('h2', { i18n: 'tech.heading' }), chooser, ...panels.map((p) => p.el));
  void prefillWindows(section);
  return section;
}

const DAY_MS = 86_400_000;
const CST_MS = 8 * 3_600_000;

/** A datetime-local value (China Standard Time) for an instant. */
const localValue = (ms: number) => new Date(ms + CST_MS).toISOString().slice(0, 16);

/**
 * Time windows default to where the data is, not to today: the 90 days up to the newest
 * movement (the day of it for batch collision). Inputs the user already filled are kept.
 */
async function prefillWindows(section: HTMLElement): Promise<void> {
  let newest: number;
  try {
    const extent = await dataExtent();
    if (!extent.newestMovementAt) return;
    newest = Date.parse(extent.newestMovementAt);
  } catch {
    return; // the forms still work with dates typed by hand
  }
  const endOfDay = Math.ceil((newest + CST_MS) / DAY_MS) * DAY_MS - CST_MS - 60_000;
  for (const input of section.querySelectorAll<HTMLInputElement>('input[type="datetime-local"]')) {
    if (input.value !== '') continue;
    const collision = input.id.startsWith('collision-');
    if (input.id.endsWith('-to')) input.value = localValue(endOfDay);
    // From the start of a day (00:00): the day of the newest movement, or the 90 days up to it.
    else if (input.id.endsWith('-from')) input.value = localValue(endOfDay - (collision ? 1 : 90) * DAY_MS + 60_000);
  }
}
