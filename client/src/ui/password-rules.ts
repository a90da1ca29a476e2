import { t } from './i18n.js';

/** The server's minimum (server/src/security/accounts/passwords.ts). */
export const MIN_PASSWORD = 12;

/** The server's rule for a new password, said before the round trip and in the page's language. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < MIN_PASSWORD) return t('accounts.passwordShort', { min: MIN_PASSWORD });
  if (username && password.toLowerCase().includes(username.toLowerCase())) return t('accounts.passwordHasName');
  return null;
}
