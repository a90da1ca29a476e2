import { session, type Purpose } from '../api/client.js';
import { openDialog } from './dialog.js';
import { h } from './dom.js';
import { t } from './i18n.js';

/**
 * The purpose (查询事由) every person look-up must state: a case number or a reason. Asked
 * once per session, shown in the header, changeable at any time.
 */
const CASE_NUMBER = /^[\p{L}\p{N}][\p{L}\p{N}\-_/()（）〔〕[\]【】.]{3,63}$/u;

export function purposeText(p: Purpose | null): string {
  if (!p) return t('purpose.none');
  return [p.caseNumber, p.reason].filter(Boolean).join(' · ');
}

let asking: Promise<Purpose | null> | null = null;

/** One dialog however many ask at once (sign-in, and a request refused for want of a purpose). */
export function askPurpose(): Promise<Purpose | null> {
  asking ??= openPurposeDialog().finally(() => (asking = null));
  return asking;
}

function openPurposeDialog(): Promise<Purpose | null> {
  const current = session.purpose ?? {};
  return openDialog<Purpose>((close) => {
    const caseNumber = h('input', { id: 'purpose-case', value: current.caseNumber ?? '', i18nPlaceholder: 'purpose.caseNumber.placeholder' });
    const reason = h('input', { id: 'purpose-reason', value: current.reason ?? '', i18nPlaceholder: 'purpose.reason.placeholder' });
    const problem = h('p', { class: 'form-problem', role: 'alert' });
    const form = h(
      'form',
      { class: 'dialog-body' },
      h('h2', { i18n: 'purpose.heading' }),
      h('p', { class: 'muted', i18n: 'purpose.lead' }),
      h('label', { for: 'purpose-case' }, h('span', { i18n: 'purpose.caseNumber' }), caseNumber),
      h('label', { for: 'purpose-reason' }, h('span', { i18n: 'purpose.reason' }), reason),
      problem,
      h('div', { class: 'dialog-actions' }, h('button', { type: 'button', onclick: () => close(null), i18n: 'purpose.cancel' }), h('button', { type: 'submit', class: 'primary', i18n: 'purpose.save' })),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const c = caseNumber.value.trim();
      const r = reason.value.trim();
      if (!c && !r) return void (problem.textContent = t('purpose.required'));
      if (c && !CASE_NUMBER.test(c)) return void (problem.textContent = t('purpose.invalid', { message: t('purpose.caseNumber.placeholder') }));
      if (r && (r.match(/[\p{L}\p{N}]/gu) ?? []).length < 4) return void (problem.textContent = t('purpose.invalid', { message: t('purpose.reason.placeholder') }));
      const purpose: Purpose = { ...(c ? { caseNumber: c } : {}), ...(r ? { reason: r } : {}) };
      session.purpose = purpose;
      close(purpose);
    });
    return form;
  }, 'purpose-dialog');
}
