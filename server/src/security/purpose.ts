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

/** A purpose as read from a request; `problem` (with `problemZh`) says why it was refused. */
export type PurposeReading = { purpose: Purpose | null; problem: string | null; problemZh?: string };

export const PURPOSE_HEADER = 'x-clew-purpose';

// Case numbers mix letters (Chinese included), digits and the brackets of 泰公(刑)立字[2026]12号.
export const CASE_NUMBER = /^[\p{L}\p{N}][\p{L}\p{N}\-_/()（）〔〕[\]【】.]{3,63}$/u;
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
      return { purpose: null, problem: 'the X-Clew-Purpose header is not form-encoded', problemZh: 'X-Clew-Purpose 请求头不是表单编码' };
    }
    return checkPurpose({ caseNumber: params.get('caseNumber') ?? undefined, reason: params.get('reason') ?? undefined });
  }
  return { purpose: null, problem: null };
}

function checkPurpose(raw: unknown): PurposeReading {
  if (typeof raw === 'string') return checkPurpose({ reason: raw });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { purpose: null, problem: 'purpose must be an object with caseNumber and/or reason', problemZh: '查询事由应包含案件编号或原因' };
  }
  const { caseNumber, reason } = raw as { caseNumber?: unknown; reason?: unknown };
  const out: Purpose = { caseNumber: null, reason: null };
  if (caseNumber !== undefined && caseNumber !== null && caseNumber !== '') {
    if (typeof caseNumber !== 'string' || !CASE_NUMBER.test(caseNumber.trim())) {
      return { purpose: null, problem: 'caseNumber must be 4 to 64 letters, digits and brackets, e.g. A3209822026030001', problemZh: '案件编号应为 4 到 64 个字母、数字或括号，例如 A3209822026030001' };
    }
    out.caseNumber = caseNumber.trim();
  }
  if (reason !== undefined && reason !== null && reason !== '') {
    if (typeof reason !== 'string') return { purpose: null, problem: 'reason must be text', problemZh: '原因应为文字' };
    const text = reason.trim().replace(/\s+/g, ' ');
    if (text.length > REASON_MAX) return { purpose: null, problem: `reason is ${text.length} characters; at most ${REASON_MAX}`, problemZh: `原因共 ${text.length} 个字，最多 ${REASON_MAX} 个` };
    if ((text.match(/[\p{L}\p{N}]/gu) ?? []).length < REASON_MIN_SIGNS) {
      return { purpose: null, problem: `reason must say why in at least ${REASON_MIN_SIGNS} letters or digits`, problemZh: `原因至少要有 ${REASON_MIN_SIGNS} 个字` };
    }
    out.reason = text;
  }
  if (out.caseNumber === null && out.reason === null) return { purpose: null, problem: null };
  return { purpose: out, problem: null };
}
