import type { ApiSubgraph } from '../graph/elements.js';
import type { GraphView } from '../graph/graph-view.js';
import { ApiError } from '../api/client.js';
import type { ChartController } from './chart-controller.js';
import { h, icon } from './dom.js';
import { describeError } from './errors.js';
import { onLanguageChange, t, type StringKey } from './i18n.js';
import { evidenceOf } from './ranked-list.js';

/** What a technique panel needs from the workspace, and the small form parts they share. */
export interface TechContext {
  view: GraphView;
  chart: ChartController;
}

export function field(label: StringKey, input: HTMLElement, extra?: HTMLElement): HTMLElement {
  return h('label', { class: 'field' }, h('span', { i18n: label }), h('span', { class: 'field-input' }, input, extra ?? null));
}

/** A person-id input with a button that takes the person selected on the chart. */
export function personInput(ctx: TechContext, id: string): { input: HTMLInputElement; el: HTMLElement } {
  const input = h('input', { id, i18nPlaceholder: 'tech.person.placeholder', autocomplete: 'off' });
  const pick = h('button', { type: 'button', class: 'icon-button', i18nTitle: 'tech.pickPerson', onclick: () => fillFromSelection(ctx, input) }, icon('target'));
  return { input, el: field('tech.person', input, pick) };
}

/** A case-id input with a button that takes the case selected on the chart. */
export function caseInput(ctx: TechContext, id: string): { input: HTMLInputElement; el: HTMLElement } {
  const input = h('input', { id, i18nPlaceholder: 'tech.case.placeholder', autocomplete: 'off' });
  const pick = h('button', { type: 'button', class: 'icon-button', id: `${id}-pick`, i18nTitle: 'tech.pickCase', onclick: () => fillFromSelection(ctx, input, 'CASE') }, icon('target'));
  return { input, el: field('tech.case', input, pick) };
}

export function fillFromSelection(ctx: TechContext, input: HTMLInputElement, kind: 'PERSON' | 'CASE' = 'PERSON'): boolean {
  const id = ctx.view.selectedNodeIds(kind)[0];
  if (!id) return false;
  input.value = id.replace(/^(Person|Case):/, '');
  return true;
}

export const localInput = (id: string) => h('input', { type: 'datetime-local', id });
export const isoOf = (input: HTMLInputElement): string | null => (input.value ? `${input.value}:00+08:00` : null);

/** Each result area's drawing of its last result, for a switch of language. */
const rerender = new WeakMap<HTMLElement, () => void>();

/**
 * The form input a refusal is about, by the panels' naming (trace-from, co-person …): the
 * argument the server names, or the kind of record it did not find.
 */
const INPUT_OF_ARGUMENT: Record<string, string> = { from: 'from', to: 'to', personId: 'person', caseId: 'case', profileId: 'profile', depth: 'depth', limit: 'limit', minTimes: 'min', radiusM: 'radius', slackHours: 'slack', mo: 'mo' };
const INPUT_OF_MISSING: Record<string, string> = { Person: 'person', Case: 'case', RiskProfile: 'profile' };

function inputBlamed(form: HTMLFormElement | null, e: unknown): HTMLElement | null {
  if (!form || !(e instanceof ApiError)) return null;
  const suffix = e.code === 'BAD_USER_INPUT' ? INPUT_OF_ARGUMENT[String(e.extensions.argument)] : e.code === 'NOT_FOUND' ? INPUT_OF_MISSING[String(e.extensions.kind)] : undefined;
  return suffix ? form.querySelector<HTMLElement>(`[id$="-${suffix}"]`) : null;
}

/** Runs a technique with a busy button and a result area; a refusal is shown there, its input marked. */
export async function runWith<T>(button: HTMLButtonElement, out: HTMLElement, work: () => Promise<T>, render: (result: T) => void): Promise<T | null> {
  if (!rerender.has(out)) {
    // results are drawn in the language of the moment; a switch draws them again
    onLanguageChange(() => rerender.get(out)?.());
  }
  rerender.set(out, () => undefined);
  button.disabled = true;
  for (const el of button.form?.querySelectorAll('[aria-invalid]') ?? []) el.removeAttribute('aria-invalid');
  out.replaceChildren(h('p', { class: 'muted', i18n: 'tech.busy' }));
  try {
    const result = await work();
    out.replaceChildren();
    render(result);
    rerender.set(out, () => {
      out.replaceChildren();
      render(result);
    });
    return result;
  } catch (e) {
    // Said where the user looks (not in a passing toast), the input it is about marked.
    out.replaceChildren(h('p', { class: 'error-text tech-error', role: 'alert' }, describeError(e)));
    const blamed = inputBlamed(button.form, e);
    blamed?.setAttribute('aria-invalid', 'true');
    blamed?.focus();
    return null;
  } finally {
    button.disabled = false;
  }
}

export function runButton(id: string): HTMLButtonElement {
  return h('button', { type: 'submit', class: 'primary', id }, icon('target'), h('span', { i18n: 'tech.run' }));
}

/** Draws one result's evidence (its nodes and the ties among them) and highlights it. */
export async function drawEvidence(ctx: TechContext, sg: ApiSubgraph, ids: string[], label: string): Promise<void> {
  const part = evidenceOf(sg, ids);
  await ctx.chart.draw(part, label, ids.slice(0, 1));
  ctx.view.highlightEvidence(
    part.nodes.map((n) => n.id),
    part.edges.map((e) => e.id),
  );
}

export function heading(key: StringKey, params: Record<string, string | number> = {}): HTMLElement {
  return h('h3', {}, t(key, params));
}
