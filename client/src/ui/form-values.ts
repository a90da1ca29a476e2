/** Values read from form inputs, kept free of the DOM and the page's state so tests can run them. */

/** A number input's value, or `fallback` when it is empty or not a number; 0 is a value (no time slack). */
export function numberOf(input: { value: string }, fallback: number): number {
  const n = Number(input.value);
  return input.value.trim() === '' || !Number.isFinite(n) ? fallback : n;
}
