import { auditTrail, type AuditFilter, type AuditRecord } from '../api/audit-api.js';
import { AuditChainCheck } from './audit-chain-check.js';
import { clear, h } from './dom.js';
import { reportError } from './errors.js';
import { formatTime, onLanguageChange, t, tk } from './i18n.js';
import { field } from './technique-kit.js';

/**
 * Supervision (网上督察) for supervisors: the audit trail by user, by entity ("who looked at
 * this person") and by time, newest first, a page at a time; and a check that the trail's
 * hash chain holds. The details panel opens it on
 * an entity (`showEntity`).
 */
export class AuditPanel {
  readonly el: HTMLElement;
  private readonly username = h('input', { type: 'text', id: 'audit-username', autocomplete: 'off', i18nPlaceholder: 'audit.usernameHint' });
  private readonly entity = h('input', { type: 'text', id: 'audit-entity', autocomplete: 'off', i18nPlaceholder: 'audit.entityHint' });
  private readonly from = h('input', { type: 'datetime-local', id: 'audit-from' });
  private readonly to = h('input', { type: 'datetime-local', id: 'audit-to' });
  private readonly list = h('ol', { class: 'audit-list', id: 'audit-list' });
  private readonly info = h('p', { class: 'muted small', i18n: 'audit.hint' });
  private readonly more = h('button', { type: 'button', class: 'small', id: 'audit-more', i18n: 'audit.more', hidden: true, onclick: () => void this.load(false) });
  private records: AuditRecord[] = [];
  private cursor: string | null = null;

  constructor() {
    const form = h(
      'form',
      { class: 'audit-form' },
      field('audit.username', this.username),
      field('audit.entity', this.entity),
      field('audit.from', this.from),
      field('audit.to', this.to),
      h('button', { type: 'submit', class: 'primary', id: 'audit-run', i18n: 'audit.run' }),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.load(true);
    });
    this.el = h('section', { class: 'panel audit-panel' }, h('h2', { i18n: 'audit.heading' }), h('p', { class: 'muted small', i18n: 'audit.intro' }), new AuditChainCheck().el, form, this.info, this.list, this.more);
    onLanguageChange(() => this.render());
  }

  /** "Who looked at this": the trail filtered to one entity (a graph id such as Person:P-LI). */
  showEntity(id: string): Promise<void> {
    this.username.value = '';
    this.entity.value = id;
    return this.load(true);
  }

  private filter(): AuditFilter {
    // datetime-local has no zone: the page means China Standard Time, as everywhere else.
    const time = (v: string) => (v ? `${v}:00+08:00` : undefined);
    return { username: this.username.value.trim() || undefined, entityId: this.entity.value.trim() || undefined, from: time(this.from.value), to: time(this.to.value) };
  }

  private async load(fresh: boolean): Promise<void> {
    this.info.textContent = t('audit.busy');
    try {
      const page = await auditTrail(this.filter(), fresh ? null : this.cursor);
      this.records = fresh ? page.records : [...this.records, ...page.records];
      this.cursor = page.endCursor;
      this.more.hidden = !page.hasNextPage;
      this.render();
    } catch (e) {
      this.info.textContent = '';
      reportError(e);
    }
  }

  private render(): void {
    clear(this.list);
    this.info.textContent = this.records.length ? t('audit.count', { count: this.records.length }) : t('audit.none');
    for (const r of this.records) this.list.appendChild(this.card(r));
  }

  private card(r: AuditRecord): HTMLElement {
    const who = r.actor.username ?? (r.actor.apiKeyName ? `${t('audit.key')} ${r.actor.apiKeyName}` : t('audit.anonymous'));
    const purpose = r.purpose?.caseNumber || r.purpose?.reason ? [r.purpose.caseNumber, r.purpose.reason].filter(Boolean).join(' · ') : t('audit.noPurpose');
    return h(
      'li',
      { class: `audit-record outcome-${r.outcome}`, 'data-seq': String(r.seq) },
      h('div', { class: 'audit-head' }, h('strong', {}, who), h('span', { class: `status outcome-${r.outcome}` }, tk('audit.outcome', r.outcome))),
      h('p', { class: 'small muted' }, [formatTime(r.at), r.actor.role ? tk('role', r.actor.role) : null, r.actor.unit, r.actor.clientAddress].filter(Boolean).join(' · ')),
      // What was done in words; the operation's own name stays on hover, for matching with the API.
      h('p', { class: 'small' }, h('span', { class: 'audit-fields', title: r.fields.join(', ') }, r.fields.map((f) => tk('op', f)).join('、') || r.operationName || '—')),
      h('p', { class: 'small audit-purpose' }, `${t('audit.purpose')}：${purpose}`),
      h('p', { class: 'small muted' }, t('audit.entities', { count: r.entityCount }), r.entityIds.length ? ` — ${r.entityIds.slice(0, 6).join('、')}${r.entityIds.length > 6 ? ' …' : ''}` : ''),
      r.errorCodes.length ? h('p', { class: 'small error-text' }, r.errorCodes.join(', ')) : null,
    );
  }
}
