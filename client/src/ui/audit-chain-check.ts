import { verifyAuditSegment } from '../api/audit-api.js';
import { h } from './dom.js';
import { describeError } from './errors.js';
import { t, tk } from './i18n.js';

/**
 * 核验审计链: checks from the supervisor's desk that no audit record was altered, deleted or
 * replaced since it was written. The trail is walked in segments (a long one takes many),
 * with the count so far shown as it goes; the verdict names the first record that does not
 * hold. `npm run audit:verify` does the same from a terminal.
 */
export class AuditChainCheck {
  readonly el: HTMLElement;
  private readonly result = h('p', { class: 'small', id: 'audit-chain-result', role: 'status' });
  private readonly button = h('button', { type: 'button', class: 'small', id: 'audit-chain-verify', i18n: 'audit.chain.verify' });
  private running = false;

  constructor() {
    this.button.addEventListener('click', () => void this.run());
    this.el = h('div', { class: 'audit-chain' }, h('div', { class: 'audit-chain-bar' }, this.button, h('span', { class: 'muted small', i18n: 'audit.chain.lead' })), this.result);
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.button.disabled = true;
    this.result.className = 'small';
    let checked = 0;
    let from: number | null = null;
    try {
      for (;;) {
        const segment = await verifyAuditSegment(from);
        checked += segment.records;
        if (!segment.ok) {
          this.say('bad', t('audit.chain.broken', { seq: segment.brokenSeq ?? '?', why: tk('audit.chain.code', segment.code ?? ''), checked: checked.toLocaleString() }));
          return;
        }
        if (segment.nextSeq === null) {
          this.say('good', checked === 0 ? t('audit.chain.empty') : t('audit.chain.holds', { count: checked.toLocaleString(), last: (segment.lastSeq ?? 0).toLocaleString() }));
          return;
        }
        from = segment.nextSeq;
        this.say('busy', t('audit.chain.progress', { checked: checked.toLocaleString(), total: segment.headSeq.toLocaleString() }));
      }
    } catch (e) {
      this.say('bad', describeError(e));
    } finally {
      this.running = false;
      this.button.disabled = false;
    }
  }

  private say(tone: 'good' | 'bad' | 'busy', text: string): void {
    this.result.className = `small chain-${tone}`;
    this.result.textContent = text;
  }
}
