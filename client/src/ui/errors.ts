import { ApiError } from '../api/client.js';
import { currentLang, t, tk } from './i18n.js';
import { toast } from './toasts.js';

/** What a person should read when a request fails: by the server's code, not its wording. */
export function describeError(e: unknown): string {
  if (e instanceof ApiError) {
    switch (e.code) {
      case 'FORBIDDEN':
        return t('error.forbidden');
      case 'RATE_LIMITED':
        return t('error.rateLimited');
      case 'SERVICE_UNAVAILABLE':
        return t('error.unavailable');
      case 'NETWORK':
        return t('error.network');
      case 'NOT_FOUND':
        // Which record: the server names its kind and id (Person P-NOPE).
        return typeof e.extensions.id === 'string' ? t('error.notFoundOf', { kind: tk('record', String(e.extensions.kind)), id: e.extensions.id }) : t('error.notFound');
      case 'BAD_USER_INPUT':
        return typeof e.extensions.argument === 'string' ? t('error.badArgument', { field: argumentWord(e.extensions.argument), reason: reasonOf(e, e.extensions.argument) }) : t('error.generic', { message: e.message });
      case 'PURPOSE_REQUIRED':
        return t('purpose.required');
      case 'UNAUTHENTICATED':
        return t('signin.expired');
      default:
        return t('error.generic', { message: e.message });
    }
  }
  return t('error.generic', { message: e instanceof Error ? e.message : String(e) });
}

/**
 * An argument's name in words. Nested arguments (input.justification, input.rules[2].scope) are
 * named by their last part; one the page has no word for keeps its own name.
 */
export function argumentWord(argument: string): string {
  const plain = argument.replace(/\[\d+\]/g, '');
  const whole = tk('arg', plain);
  return whole !== plain ? whole : tk('arg', plain.slice(plain.lastIndexOf('.') + 1));
}

/** Why an argument was refused, in Chinese when the server says it so; the message without its argument prefix otherwise. */
function reasonOf(e: ApiError, argument: string): string {
  if (currentLang() !== 'en' && typeof e.extensions.reasonZh === 'string') return e.extensions.reasonZh;
  return e.message.startsWith(`${argument}: `) ? e.message.slice(argument.length + 2) : e.message;
}

/** Shows a failure as a toast, unless the app handles it elsewhere (sign-in, purpose). */
export function reportError(e: unknown): void {
  if (e instanceof ApiError && (e.code === 'UNAUTHENTICATED' || e.code === 'PURPOSE_REQUIRED')) return;
  if ((e as Error)?.name === 'AbortError') return;
  toast(describeError(e), 'error');
}
