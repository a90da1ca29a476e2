import { ApiError } from '../api/client.js';
import { changePassword } from '../api/session-api.js';
import { cancelAndSubmit, openDialog } from './dialog.js';
import { h } from './dom.js';
import { describeError } from './errors.js';
import { t } from './i18n.js';
import { passwordProblem } from './password-rules.js';
import { field } from './technique-kit.js';

/**
 * 修改密码: a user replaces the first password an administrator handed over, or one that may
 * have been seen. Asks for the current password and the new one twice; the rules are checked
 * here first and again on the server. Resolves true once changed: every session of the user
 * has ended then, so the caller brings back the sign-in.
 */
export function openChangePassword(username: string): Promise<boolean> {
  return openDialog<true>((close) => {
    const secret = (id: string, autocomplete: string) => h('input', { id, type: 'password', autocomplete, required: true, spellcheck: 'false' });
    const current = secret('password-current', 'current-password');
    const next = secret('password-new', 'new-password');
    const again = secret('password-again', 'new-password');
    const problem = h('p', { class: 'form-problem', role: 'alert', id: 'password-problem' });
    const refuse = (input: HTMLInputElement, message: string) => {
      problem.textContent = message;
      for (const i of [current, next, again]) i.removeAttribute('aria-invalid');
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    };
    const form = h(
      'form',
      { class: 'dialog-body' },
      h('h2', { i18n: 'password.title' }),
      field('password.current', current),
      field('password.new', next),
      field('password.again', again),
      h('p', { class: 'muted small', i18n: 'password.rule' }),
      problem,
      cancelAndSubmit(close, 'password.submit'),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const rule = passwordProblem(next.value, username);
      if (rule) return refuse(next, rule);
      if (next.value !== again.value) return refuse(again, t('password.mismatch'));
      if (next.value === current.value) return refuse(next, t('password.same'));
      changePassword(current.value, next.value).then(
        () => close(true),
        (err: unknown) => {
          // A session that ended meanwhile (or an account locked by wrong guesses) brings back the sign-in.
          if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') return close(null);
          refuse(err instanceof ApiError && err.extensions.argument === 'currentPassword' ? current : next, describeError(err));
        },
      );
    });
    return form;
  }, 'password-dialog').then((done) => done === true);
}
