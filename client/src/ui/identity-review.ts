import { decideIdentity, identityLinks, undoIdentityDecision, type IdentityLink, type IdentityPerson, type IdentityStatus } from '../api/imports-api.js';
import { clear, h } from './dom.js';
import { reportError } from './errors.js';
import { formatTime, onLanguageChange, t, tk } from './i18n.js';

const STATUSES: IdentityStatus[] = ['CANDIDATE', 'CONFIRMED', 'REJECTED'];

/**
 * Identity review (同一人核查): person records that imports found likely to be one human being
 * (the same name and birth date, a shared phone or plate), best score first, side by side
 * with what they share. An analyst confirms or rejects each, with an optional note, and can
 * undo a decision; records are never merged away. Link analysis follows confirmed links only.
 */
export class IdentityReview {
  readonly el: HTMLElement;
  private readonly person = h('input', { type: 'text', id: 'identity-person', autocomplete: 'off', i18nPlaceholder: 'identity.personHint' });
  private readonly list = h('ol', { class: 'identity-list', id: 'identity-list' });
  private readonly info = h('p', { class: 'muted small' });
  private status: IdentityStatus = 'CANDIDATE';
  private links: IdentityLink[] = [];
  private total = 0;

  constructor(private readonly canDecide: boolean) {
    const chips = h(
      'div',
      { class: 'chips' },
      ...STATUSES.map((s) =>
        h('button', {
          type: 'button',
          class: `chip${s === this.status ? ' on' : ''}`,
          'data-status': s,
          i18n: `identity.filter.${s}` as const,
          onclick: (e: Event) => {
            this.status = s;
            chips.querySelectorAll('.chip').forEach((c) => c.classList.toggle('on', c === e.currentTarget));
            void this.refresh();
          },
        }),
      ),
    );
    const form = h('form', { class: 'identity-form' }, this.person, h('button', { type: 'submit', class: 'small', id: 'identity-run', i18n: 'identity.run' }));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.refresh();
    });
    this.el = h('section', { class: 'identity-review' }, h('h3', { i18n: 'identity.heading' }), h('p', { class: 'muted small', i18n: 'identity.intro' }), chips, form, this.info, this.list);
    onLanguageChange(() => this.render());
  }

  async refresh(): Promise<void> {
    try {
      const page = await identityLinks(this.status, this.person.value.trim() || null);
      this.links = page.items;
      this.total = page.totalCount;
      this.render();
    } catch (e) {
      reportError(e);
    }
  }

  private render(): void {
    clear(this.list);
    this.info.textContent = this.links.length ? t('identity.count', { count: this.links.length, total: this.total }) : t('identity.none');
    for (const link of this.links) this.list.appendChild(this.card(link));
  }

  private card(link: IdentityLink): HTMLElement {
    const note = h('input', { type: 'text', class: 'identity-note', i18nPlaceholder: 'identity.noteHint' });
    const act = (run: () => Promise<IdentityLink>) => async () => {
      try {
        // The card stays, showing the link as it now is, so the decision can be undone at once.
        const changed = await run();
        this.links = this.links.map((l) => (l.key === changed.key ? changed : l));
        this.render();
      } catch (e) {
        reportError(e);
      }
    };
    const decided = link.status !== 'CANDIDATE' && link.decidedBy !== 'importer';
    const actions = !this.canDecide
      ? null
      : link.status === 'CANDIDATE'
        ? h(
            'div',
            { class: 'identity-actions' },
            note,
            h('button', { type: 'button', class: 'small primary confirm', i18n: 'identity.confirm', onclick: act(() => decideIdentity(link.key, 'CONFIRMED', note.value.trim() || null)) }),
            h('button', { type: 'button', class: 'small reject', i18n: 'identity.reject', onclick: act(() => decideIdentity(link.key, 'REJECTED', note.value.trim() || null)) }),
          )
        : decided
          ? h('div', { class: 'identity-actions' }, h('button', { type: 'button', class: 'small undo', i18n: 'identity.undo', onclick: act(() => undoIdentityDecision(link.key)) }))
          : null;
    return h(
      'li',
      { class: `identity-link link-${link.status}`, 'data-key': link.key },
      h('div', { class: 'import-head' }, h('strong', {}, t('identity.score', { score: Math.round(link.score * 100) })), h('span', { class: `status status-${link.status}` }, tk('identity.status', link.status))),
      h('p', { class: 'small identity-evidence' }, link.evidence.map(evidenceWords).join('；')),
      h('div', { class: 'identity-pair' }, personBlock(link.from), personBlock(link.to)),
      link.decidedBy ? h('p', { class: 'small muted' }, t('identity.decided', { by: link.decidedBy, at: formatTime(link.decidedAt) })) : null,
      actions,
    );
  }
}

function personBlock(p: IdentityPerson): HTMLElement {
  return h(
    'div',
    { class: 'identity-person' },
    h('strong', {}, p.name),
    h('span', { class: 'small muted' }, p.id),
    p.idNumber ? h('span', { class: 'small' }, p.idNumber) : null,
    p.birthDate ? h('span', { class: 'small' }, p.birthDate) : null,
    p.phones.length ? h('span', { class: 'small' }, p.phones.join('、')) : null,
    p.plates.length ? h('span', { class: 'small' }, p.plates.join('、')) : null,
    p.provenance.source ? h('span', { class: 'small muted' }, p.provenance.source) : null,
  );
}

/** The importer writes evidence as codes (identity-link.cypher); the page says it in words. */
function evidenceWords(e: string): string {
  if (e.startsWith('phone:')) return t('identity.evidence.phone', { value: e.slice(6) });
  if (e.startsWith('plate:')) return t('identity.evidence.plate', { value: e.slice(6) });
  return tk('identity.evidence', e.replace(/[^a-zA-Z]+/g, '_'));
}
