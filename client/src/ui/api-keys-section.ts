import { createApiKey, listApiKeys, revokeApiKey, type ApiKeyRecord } from '../api/users-api.js';
import { cancelAndSubmit, confirmDanger, openDialog } from './dialog.js';
import { clear, h } from './dom.js';
import { describeError, reportError } from './errors.js';
import { formatTime, onLanguageChange, t, tk } from './i18n.js';
import { field } from './technique-kit.js';

const SCOPES = ['READ', 'GRAPH', 'TECHNIQUES', 'ORDERS', 'INGEST', 'EXPORT'] as const;
const ACCESS = ['MASKED', 'REVEAL_WITH_REASON', 'FULL'] as const;

/**
 * API keys (接口密钥) of other units' systems, in the administrator's accounts tab: what each
 * may call and how much of resident IDs and phone numbers it sees; a new key, whose token is
 * shown once; revoking one.
 */
export class ApiKeysSection {
  readonly el: HTMLElement;
  private readonly list = h('ul', { class: 'plain accounts-list', id: 'api-keys-list' });
  private keys: ApiKeyRecord[] = [];

  constructor() {
    this.el = h(
      'section',
      { class: 'api-keys' },
      h('h3', { i18n: 'keys.heading' }),
      h('p', { class: 'muted small', i18n: 'keys.intro' }),
      h('button', { type: 'button', class: 'primary', id: 'api-keys-new', i18n: 'keys.new', onclick: () => void this.create() }),
      this.list,
    );
    onLanguageChange(() => this.render());
  }

  async refresh(): Promise<void> {
    try {
      this.keys = await listApiKeys();
      this.render();
    } catch (e) {
      reportError(e);
    }
  }

  private render(): void {
    clear(this.list);
    if (this.keys.length === 0) this.list.appendChild(h('li', { class: 'muted small', i18n: 'keys.none' }));
    for (const k of this.keys) this.list.appendChild(this.item(k));
  }

  private item(k: ApiKeyRecord): HTMLElement {
    return h(
      'li',
      { class: 'account api-key', 'data-name': k.name, 'data-revoked': k.revokedAt ? 'true' : 'false' },
      h('div', {}, h('strong', {}, k.name), ' ', h('span', { class: `account-status status-${k.revokedAt ? 'DISABLED' : 'ACTIVE'}` }, t(k.revokedAt ? 'keys.isRevoked' : 'keys.isActive'))),
      h('div', { class: 'muted small' }, `${k.unit} · ${k.scopes.map((s) => tk('keys.scope', s)).join('、')}`),
      h('div', { class: 'muted small' }, `${tk('keys.access', k.identifierAccess)} · ${t('keys.rateShort', { n: k.rateLimitPerMinute })}`),
      h(
        'div',
        { class: 'muted small' },
        t('accounts.created', { at: formatTime(k.createdAt), by: k.createdBy }),
        k.revokedAt ? ` · ${t('keys.revoked', { at: formatTime(k.revokedAt), by: k.revokedBy ?? '—' })}` : '',
      ),
      k.revokedAt ? '' : h('div', { class: 'account-actions' }, h('button', { type: 'button', class: 'small api-key-revoke', onclick: () => void this.revoke(k) }, t('keys.revoke'))),
    );
  }

  private async create(): Promise<void> {
    const created = await openDialog<{ token: string; name: string }>((close) => {
      const name = h('input', { id: 'api-key-name', autocomplete: 'off', i18nPlaceholder: 'keys.nameHint' });
      const unit = h('input', { id: 'api-key-unit', autocomplete: 'off', i18nPlaceholder: 'accounts.unitHint' });
      const scopes = SCOPES.map((s) => ({ scope: s, box: h('input', { type: 'checkbox', value: s, class: 'api-key-scope' }) }));
      const access = h('select', { id: 'api-key-access' }, ...ACCESS.map((a) => h('option', { value: a }, tk('keys.access', a))));
      const rate = h('input', { id: 'api-key-rate', type: 'number', min: '1', max: '10000', value: '120' });
      const problem = h('p', { class: 'form-problem', role: 'alert' });
      const form = h(
        'form',
        { class: 'dialog-body' },
        h('h2', { i18n: 'keys.new' }),
        field('keys.name', name),
        field('accounts.unit', unit),
        h('fieldset', { class: 'api-key-scopes' }, h('legend', { i18n: 'keys.scopes' }), ...scopes.map(({ scope, box }) => h('label', { class: 'check' }, box, tk('keys.scope', scope)))),
        field('keys.access', access),
        field('keys.rate', rate),
        problem,
        cancelAndSubmit(close, 'accounts.create'),
      );
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const chosen = scopes.filter((s) => s.box.checked).map((s) => s.scope);
        if (!name.value.trim()) return void (problem.textContent = t('keys.nameRequired'));
        if (chosen.length === 0) return void (problem.textContent = t('keys.scopesRequired'));
        createApiKey({ name: name.value.trim(), unit: unit.value.trim(), scopes: chosen, identifierAccess: access.value, rateLimitPerMinute: Number(rate.value) }).then(
          (r) => close({ token: r.token, name: r.apiKey.name }),
          (err: unknown) => (problem.textContent = describeError(err)),
        );
      });
      return form;
    }, 'account-dialog');
    if (!created) return;
    await this.refresh();
    await showTokenOnce(created.name, created.token);
  }

  private async revoke(k: ApiKeyRecord): Promise<void> {
    const sure = await confirmDanger(t('keys.revokeConfirm', { name: k.name }), t('keys.revoke'));
    if (!sure) return;
    try {
      await revokeApiKey(k.id);
    } catch (e) {
      reportError(e);
    }
    await this.refresh();
  }
}

/** The token, once: Clew keeps only its hash. */
function showTokenOnce(name: string, token: string): Promise<true | null> {
  return openDialog<true>((close) => {
    const input = h('input', { id: 'api-key-token', type: 'text', readonly: 'readonly', value: token, spellcheck: 'false' });
    const copied = h('span', { class: 'muted small' });
    const copy = () =>
      void navigator.clipboard.writeText(token).then(
        () => (copied.textContent = t('keys.copied')),
        () => input.select(),
      );
    return h(
      'div',
      { class: 'dialog-body' },
      h('h2', {}, t('keys.token.heading', { name })),
      h('p', { class: 'muted', i18n: 'keys.token.note' }),
      field('keys.token', input, h('button', { type: 'button', class: 'small', onclick: copy, i18n: 'keys.copy' })),
      copied,
      h('div', { class: 'dialog-actions' }, h('button', { type: 'button', class: 'primary', onclick: () => close(true), i18n: 'help.close' })),
    );
  }, 'account-dialog token-dialog');
}
