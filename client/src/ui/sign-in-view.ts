import { ApiError } from '../api/client.js';
import { signIn, type SignedIn } from '../api/session-api.js';
import { h } from './dom.js';
import { currentLang, setLang, t } from './i18n.js';

/** The sign-in screen; resolves once the user is signed in. */
export function showSignIn(root: HTMLElement, notice: string | null): Promise<SignedIn> {
  return new Promise((resolve) => {
    const message = h('p', { class: 'signin-message', role: 'alert' }, notice ?? '');
    const username = h('input', { name: 'username', autocomplete: 'username', required: true, id: 'signin-username' });
    const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true, id: 'signin-password' });
    const submit = h('button', { type: 'submit', class: 'primary', i18n: 'signin.submit' });
    const form = h(
      'form',
      { class: 'signin-card' },
      h('div', { class: 'brand-mark' }, 'Clew'),
      h('h1', { i18n: 'signin.heading' }),
      h('p', { class: 'muted', i18n: 'signin.lead' }),
      h('label', { for: 'signin-username' }, h('span', { i18n: 'signin.username' }), username),
      h('label', { for: 'signin-password' }, h('span', { i18n: 'signin.password' }), password),
      message,
      submit,
      h('button', { type: 'button', class: 'link', onclick: () => setLang(currentLang() === 'en' ? 'zh-CN' : 'en'), i18n: 'lang.switch' }),
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      submit.disabled = true;
      submit.textContent = t('signin.busy');
      message.textContent = '';
      try {
        const result = await signIn(username.value.trim(), password.value);
        resolve(result);
      } catch (err) {
        const reason = err instanceof ApiError ? String(err.extensions.reason ?? err.code) : '';
        message.textContent =
          reason === 'ACCOUNT_LOCKED' ? t('signin.locked') : reason === 'ACCOUNT_DISABLED' ? t('signin.disabled') : err instanceof ApiError && (err.code === 'NETWORK' || err.status >= 500) ? t('signin.unavailable') : t('signin.failed');
        password.value = '';
        password.focus();
      } finally {
        submit.disabled = false;
        submit.textContent = t('signin.submit');
      }
    });
    root.replaceChildren(h('div', { class: 'signin-screen' }, form));
    username.focus();
  });
}
