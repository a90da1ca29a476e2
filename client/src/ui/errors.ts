import { ApiError } from '../api/client.js';
import { t } from './i18n.js';
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
        return t('error.notFound');
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

/** Shows a failure as a toast, unless the app handles it elsewhere (sign-in, purpose). */
export function reportError(e: unknown): void {
  if (e instanceof ApiError && (e.code === 'UNAUTHENTICATED' || e.code === 'PURPOSE_REQUIRED')) return;
  if ((e as Error)?.name === 'AbortError') return;
  toast(describeError(e), 'error');
}
