import { createUser, listUsers, resetPassword, setUserStatus, unlockUser, type UserAccount } from '../api/users-api.js';
import { cancelAndSubmit, openDialog } from './dialog.js';
import { clear, h } from './dom.js';
import { describeError, reportError } from './errors.js';
import { formatTime, onLanguageChange, t, tk, withNote, type StringKey } from './i18n.js';
import { ApiKeysSection } from './api-keys-section.js';
import { passwordProblem } from './password-rules.js';
import { field } from './technique-kit.js';
import { toast } from './toasts.js';

const ROLES = ['ANALYST', 'INVESTIGATOR', 'STATION_OFFICER', 'SUPERVISOR', 'ADMINISTRATOR'] as const;

/**
 * Accounts (账户管理) for administrators: every account with its post, unit and state; a new
 * account with a first password; and, per account, release after failed sign-ins, disable or
 * enable, and a new password; below, the API keys of other units' systems. The server checks
 * every rule again (server/src/security).
 */
export class AccountsPanel {
  readonly el: HTMLElement;
  private readonly list = h('ul', { class: 'plain accounts-list', id: 'accounts-list' });
  private readonly keys = new ApiKeysSection();
  private readonly filter = h('input', { type: 'search', id: 'accounts-filter', autocomplete: 'off', i18nPlaceholder: 'accounts.filter', oninput: () => this.render() });
  private users: UserAccount[] = [];

  constructor() {
    this.el = h(
      'section',
      { class: 'panel accounts-panel' },
      h('h2', { i18n: 'accounts.heading' }),
      h('p', { class: 'muted small', i18n: 'accounts.intro' }),
      h('div', { class: 'accounts-bar' }, h('button', { type: 'button', class: 'primary', id: 'accounts-new', i18n: 'accounts.new', onclick: () => void this.create() }), this.filter),
      this.list,
      this.keys.el,
    );
    onLanguageChange(() => this.render());
  }

  async refresh(): Promise<void> {
    try {
      this.users = await listUsers();
      this.render();
    } catch (e) {
      reportError(e);
    }
    await this.keys.refresh();
  }

  private render(): void {
    clear(this.list);
    // A bureau has hundreds of officers: narrowed by any word of name, user name, unit or post.
    const words = this.filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const shown = this.users.filter((u) => {
      const text = [u.username, u.displayName ?? '', u.unit, u.role, tk('role', u.role), tk('accounts.status', u.status)].join(' ').toLowerCase();
      return words.every((w) => text.includes(w));
    });
    for (const u of shown) this.list.appendChild(this.item(u));
    if (shown.length === 0) this.list.appendChild(h('li', { class: 'muted small', i18n: 'accounts.noneShown' }));
  }

  private item(u: UserAccount): HTMLElement {
    const act = (key: StringKey, cls: string, work: () => Promise<unknown>) =>
      h('button', { type: 'button', class: `small ${cls}`, onclick: () => void this.apply(work) }, t(key));
    return h(
      'li',
      { class: 'account', 'data-username': u.username, 'data-status': u.status },
      h('div', {}, h('strong', {}, u.displayName ? withNote(u.displayName, u.username) : u.username), ' ', h('span', { class: `account-status status-${u.status}` }, tk('accounts.status', u.status))),
      h('div', { class: 'muted small' }, `${tk('role', u.role)} · ${u.unit} · ${t('accounts.created', { at: formatTime(u.createdAt), by: u.createdBy ?? '—' })}`),
      h(
        'div',
        { class: 'account-actions' },
        u.status === 'LOCKED' ? act('accounts.unlock', 'account-unlock', () => unlockUser(u.username)) : '',
        u.status === 'DISABLED' ? act('accounts.enable', 'account-enable', () => setUserStatus(u.username, 'ACTIVE')) : act('accounts.disable', 'account-disable', () => setUserStatus(u.username, 'DISABLED')),
        h('button', { type: 'button', class: 'small account-reset', onclick: () => void this.reset(u) }, t('accounts.reset')),
      ),
    );
  }

  private async apply(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
      await this.refresh();
    } catch (e) {
      reportError(e);
    }
  }

  private async create(): Promise<void> {
    const created = await openDialog<UserAccount>((close) => {
      const username = h('input', { id: 'account-username', autocomplete: 'off', i18nPlaceholder: 'accounts.usernameHint' });
      const displayName = h('input', { id: 'account-display-name', autocomplete: 'off' });
      const role = h('select', { id: 'account-role' }, ...ROLES.map((r) => h('option', { value: r }, tk('role', r))));
      const unit = h('input', { id: 'account-unit', autocomplete: 'off', value: 'dept:intel', i18nPlaceholder: 'accounts.unitHint' });
      const password = passwordInput('account-password');
      const problem = h('p', { class: 'form-problem', role: 'alert' });
      const form = h(
        'form',
        { class: 'dialog-body' },
        h('h2', { i18n: 'accounts.new' }),
        field('accounts.username', username),
        field('accounts.displayName', displayName),
        field('accounts.role', role),
        field('accounts.unit', unit),
        field('accounts.password', password.input, password.generate),
        h('p', { class: 'muted small', i18n: 'accounts.passwordRule' }),
        problem,
        cancelAndSubmit(close, 'accounts.create'),
      );
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const name = username.value.trim();
        const rule = passwordProblem(password.input.value, name);
        if (!name) return void (problem.textContent = t('accounts.usernameRequired'));
        if (rule) return void (problem.textContent = rule);
        createUser({ username: name, displayName: displayName.value.trim() || null, role: role.value, unit: unit.value.trim(), password: password.input.value }).then(close, (err: unknown) => {
          problem.textContent = describeError(err);
        });
      });
      return form;
    }, 'account-dialog');
    if (!created) return;
    toast(t('accounts.created.toast', { name: created.username }), 'ok');
    await this.refresh();
  }

  private async reset(u: UserAccount): Promise<void> {
    const done = await openDialog<true>((close) => {
      const password = passwordInput('account-new-password');
      const problem = h('p', { class: 'form-problem', role: 'alert' });
      const form = h(
        'form',
        { class: 'dialog-body' },
        h('h2', {}, t('accounts.resetFor', { name: u.username })),
        field('accounts.password', password.input, password.generate),
        h('p', { class: 'muted small', i18n: 'accounts.resetNote' }),
        problem,
        cancelAndSubmit(close, 'accounts.reset'),
      );
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const rule = passwordProblem(password.input.value, u.username);
        if (rule) return void (problem.textContent = rule);
        resetPassword(u.username, password.input.value).then(
          () => close(true),
          (err: unknown) => (problem.textContent = describeError(err)),
        );
      });
      return form;
    }, 'account-dialog');
    if (done) toast(t('accounts.reset.toast', { name: u.username }), 'ok');
    await this.refresh();
  }
}

/** A password field shown in clear (the administrator hands it over) with a generator. */
function passwordInput(id: string): { input: HTMLInputElement; generate: HTMLElement } {
  const input = h('input', { id, type: 'text', autocomplete: 'new-password', spellcheck: 'false' });
  const generate = h('button', { type: 'button', class: 'small account-generate', i18n: 'accounts.generate', onclick: () => (input.value = randomPassword()) });
  return { input, generate };
}

/** 16 characters without look-alikes (0/O, 1/l/I), from the browser's cryptographic generator. */
function randomPassword(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  // Bytes past the last whole multiple of the alphabet's length are skipped: no character is likelier.
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < 16) {
    for (const b of crypto.getRandomValues(new Uint8Array(32))) if (b < limit && out.length < 16) out += alphabet[b % alphabet.length];
  }
  return out;
}
