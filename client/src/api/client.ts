/**
 * The one way the page talks to Clew: GraphQL over fetch with the session token and the
 * stated purpose (案件编号 / 事由), which the server requires for every person look-up.
 * Errors come back as ApiError with the server's code, so the page can react (sign in
 * again, ask for a purpose) instead of showing raw messages.
 */
export interface Purpose {
  caseNumber?: string;
  reason?: string;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Listener = (error: ApiError) => void;

const TOKEN_KEY = 'clew.token';
const PURPOSE_KEY = 'clew.purpose';
const listeners = new Set<Listener>();

export const session = {
  get token(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  set token(value: string | null) {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  },
  get purpose(): Purpose | null {
    const raw = sessionStorage.getItem(PURPOSE_KEY);
    return raw ? (JSON.parse(raw) as Purpose) : null;
  },
  set purpose(value: Purpose | null) {
    if (value && (value.caseNumber || value.reason)) sessionStorage.setItem(PURPOSE_KEY, JSON.stringify(value));
    else sessionStorage.removeItem(PURPOSE_KEY);
  },
};

/** Hears every failed request (UNAUTHENTICATED → sign in again; PURPOSE_REQUIRED → ask for one). */
export function onApiError(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

interface GraphqlBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

/** The language the page shows (i18n.ts keeps <html lang> current). */
export function pageLanguage(): string {
  return document.documentElement.lang || 'zh-CN';
}

/** Headers for Clew's plain HTTP routes (uploads, exports, reports): the session and the page's language. */
export function authHeaders(): Record<string, string> {
  const headers: Record<string, string> = { 'accept-language': pageLanguage() };
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  return headers;
}

/** A plain route's refusal as an ApiError, with the server's code and message when it sent them. */
export async function httpError(res: Response): Promise<ApiError> {
  let message = `HTTP ${res.status}`;
  let code = res.status === 401 ? 'UNAUTHENTICATED' : res.status === 403 ? 'FORBIDDEN' : res.status === 413 ? 'BAD_USER_INPUT' : 'HTTP';
  let extensions: Record<string, unknown> = {};
  try {
    // The export routes nest their refusal under `error`; the others send it at the top.
    const body = (await res.json()) as Record<string, unknown> & { error?: unknown };
    const e = (typeof body.error === 'object' && body.error !== null ? body.error : body) as Record<string, unknown>;
    const { code: sentCode, message: sentMessage, statusCode: _status, error: _error, ...rest } = e;
    if (typeof sentMessage === 'string') message = sentMessage;
    if (typeof sentCode === 'string') code = sentCode;
    extensions = rest;
  } catch {
    // not JSON: keep the status
  }
  return new ApiError(message, code, res.status, extensions);
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  // Technique explanations come back in the page's language (the server's request-language.ts).
  const headers: Record<string, string> = { 'content-type': 'application/json', 'accept-language': pageLanguage() };
  const token = session.token;
  if (token) headers.authorization = `Bearer ${token}`;
  const purpose = session.purpose;
  const body = JSON.stringify({ query, variables, ...(purpose ? { extensions: { purpose } } : {}) });
  let res: Response;
  try {
    res = await fetch('/graphql', { method: 'POST', headers, body, ...(signal ? { signal } : {}) });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw fail(new ApiError('network', 'NETWORK', 0));
  }
  let parsed: GraphqlBody<T>;
  try {
    parsed = (await res.json()) as GraphqlBody<T>;
  } catch {
    throw fail(new ApiError(`HTTP ${res.status}`, res.status === 429 ? 'RATE_LIMITED' : res.status >= 500 ? 'SERVICE_UNAVAILABLE' : 'HTTP', res.status));
  }
  const first = parsed.errors?.[0];
  if (first) {
    const { code = 'INTERNAL', ...rest } = first.extensions ?? {};
    throw fail(new ApiError(first.message, code, res.status, rest));
  }
  if (!parsed.data) throw fail(new ApiError(`HTTP ${res.status}`, 'INTERNAL', res.status));
  return parsed.data;
}

function fail(error: ApiError): ApiError {
  for (const l of listeners) l(error);
  return error;
}
