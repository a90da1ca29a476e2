import { h } from './dom.js';
import { formatTime, t } from './i18n.js';

/**
 * The time-window slider under the chart: two handles over the span of the chart's
 * movements and relations. Moving them fades what falls outside (the chart decides what).
 */
export class TimeSlider {
  readonly el: HTMLElement;
  private readonly low: HTMLInputElement;
  private readonly high: HTMLInputElement;
  private readonly label = h('span', { class: 'time-range' });
  private readonly fill = h('div', { class: 'range-fill' });
  private span: { min: number; max: number } | null = null;
  private frame = 0;

  constructor(private readonly onChange: (from: number | null, to: number | null) => void) {
    this.low = h('input', { type: 'range', min: '0', max: '1000', value: '0', 'aria-label': 'from', id: 'time-from' });
    this.high = h('input', { type: 'range', min: '0', max: '1000', value: '1000', 'aria-label': 'to', id: 'time-to' });
    const changed = () => {
      if (Number(this.low.value) > Number(this.high.value)) {
        const lowWasMoved = document.activeElement === this.low;
        if (lowWasMoved) this.low.value = this.high.value;
        else this.high.value = this.low.value;
      }
      this.renderLabel();
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => {
        const w = this.window();
        this.onChange(w.from, w.to);
      });
    };
    this.low.addEventListener('input', changed);
    this.high.addEventListener('input', changed);
    this.el = h(
      'div',
      { class: 'time-slider', title: t('time.hint') },
      h('span', { class: 'time-label', i18n: 'time.label' }),
      h('div', { class: 'range' }, h('div', { class: 'range-track' }), this.fill, this.low, this.high),
      this.label,
      h('button', { type: 'button', class: 'text-button small', i18n: 'time.reset', onclick: () => this.reset(true) }),
    );
    this.setSpan(null);
  }

  /** The chart's time span changed (elements added or removed). */
  setSpan(span: { min: number; max: number } | null): void {
    const wasFull = this.isFull();
    this.span = span;
    this.el.classList.toggle('disabled', span === null);
    this.low.disabled = this.high.disabled = span === null;
    if (wasFull) this.reset(false);
    this.renderLabel();
  }

  reset(notify: boolean): void {
    this.low.value = '0';
    this.high.value = '1000';
    this.renderLabel();
    if (notify) this.onChange(null, null);
  }

  /** Moves the handles to a window (a reopened chart's), clamped to the span, and applies it. */
  setWindow(from: number | null, to: number | null): void {
    if (!this.span || (from === null && to === null)) return this.reset(true);
    const { min, max } = this.span;
    const handle = (v: number | null, fallback: number) => (v === null || max <= min ? fallback : Math.round(Math.min(1000, Math.max(0, ((v - min) / (max - min)) * 1000))));
    this.low.value = String(handle(from, 0));
    this.high.value = String(handle(to, 1000));
    this.renderLabel();
    const w = this.window();
    this.onChange(w.from, w.to);
  }

  isFull(): boolean {
    return this.low.value === '0' && this.high.value === '1000';
  }

  window(): { from: number | null; to: number | null } {
    if (!this.span || this.isFull()) return { from: null, to: null };
    const { min, max } = this.span;
    const at = (v: string) => min + ((max - min) * Number(v)) / 1000;
    return { from: at(this.low.value), to: at(this.high.value) };
  }

  /** The window as ISO times, for expanding with the same filter. */
  windowIso(): { from: string | null; to: string | null } {
    const w = this.window();
    return { from: w.from === null ? null : new Date(w.from).toISOString(), to: w.to === null ? null : new Date(w.to).toISOString() };
  }

  /** Redraws the range text (after a language switch). */
  refresh(): void {
    this.renderLabel();
  }

  private renderLabel(): void {
    const lo = Number(this.low.value) / 10;
    const hi = Number(this.high.value) / 10;
    this.fill.style.left = `${lo}%`;
    this.fill.style.width = `${hi - lo}%`;
    if (!this.span) {
      this.label.textContent = t('time.all');
      return;
    }
    const w = this.window();
    this.label.textContent = w.from === null ? `${t('time.all')} (${formatTime(this.span.min, false)} – ${formatTime(this.span.max, false)})` : `${formatTime(w.from)} – ${formatTime(w.to)}`;
  }
}
