/**
 * Why a person is being looked up: a case number (案件编号) or a written reason. The browser
 * sends it in the GraphQL request's extensions ({"extensions": {"purpose": {"caseNumber":
 * "…", "reason": "…"}}}); tools without a JSON body send the X-Clew-Purpose header in form
 * encoding (caseNumber=…&reason=…, UTF-8 percent-encoded, since header values cannot carry
 * Chinese text). The extensions win when both are present.
 */
export interface Purpose {
  caseNumber: string | null;
  reason: string | null;
}

export type PurposeReading = { purpose: Purpose | null; problem: string | null };

export const PURPOSE_HEADER = 'x-clew-purpose';

// Case numbers mix letters (Chinese included), digits and the brackets of 泰公(刑)立字[2026]12号.
const CASE_NUMBER = /^[\p{L}\p{N}][\p{L}\p{N}\-_/()（）〔〕[\]【】.]{3,63}$/u;
const REASON_MIN_SIGNS = 4;
const REASON_MAX = 500;

/** Reads and checks the purpose; a malformed one is reported, not thrown, until it is needed. */
export function readPurpose(extensions: unknown, header: string | string[] | undefined): PurposeReading {
  const fromBody = (extensions as { purpose?: unknown } | null | undefined)?.purpose;
  if (fromBody !== undefined && fromBody !== null) return checkPurpose(fromBody);
  const headerValue = Array.isArray(header) ? header[0] : header;
  if (headerValue !== undefined && headerValue !== '') {
    let params: URLSearchParams;
    try {
      params = new URLSearchParams(headerValue);
    } catch {
      return { purpose: null, problem: 'the X-Clew-Purpose header is not form-encoded' };
    }
    return checkPurpose({ caseNumber: params.get('caseNumber') ?? undefined, reason: params.get('reason') ?? undefined });
  }
  return { purpose: null, problem: null };
}

function checkPurpose(raw: unknown): PurposeReading {
  if (typeof raw === 'string') return checkPurpose({ reason: raw });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { purpose: null, problem: 'purpose must be an object with caseNumber and/or reason' };
  }
  const { caseNumber, reason } = raw as { caseNumber?: unknown; reason?: unknown };
  const out: Purpose = { caseNumber: null, reason: null };
  if (caseNumber !== undefined && caseNumber !== null && caseNumber !== '') {
    if (typeof caseNumber !== 'string' || !CASE_NUMBER.test(caseNumber.trim())) {
      return { purpose: null, problem: 'caseNumber must be 4 to 64 letters, digits and brackets, e.g. A3209822026030001' };
    }
    out.caseNumber = caseNumber.trim();
  }
  if (reason !== undefined && reason !== null && reason !== '') {
    if (typeof reason !== 'string') return { purpose: null, problem: 'reason must be text' };
    const text = reason.trim().replace(/\s+/g, ' ');
    if (text.length > REASON_MAX) return { purpose: null, problem: `reason is ${text.length} characters; at most ${REASON_MAX}` };
    if ((text.match(/[\p{L}\p{N}]/gu) ?? []).length < REASON_MIN_SIGNS) {
      return { purpose: null, problem: `reason must say why in at least ${REASON_MIN_SIGNS} letters or digits` };
    }
    out.reason = text;
  }
  if (out.caseNumber === null && out.reason === null) return { purpose: null, problem: null };
  return { purpose: out, problem: null };
}
