import { h } from './dom.js';
import type { StringKey } from './i18n.js';

/** The row under a dialog's form: cancel (the dialog gives null) and the form's submit button. */
export function cancelAndSubmit(close: (value: null) => void, submit: StringKey): HTMLElement {
  return h('div', { class: 'dialog-actions' }, h('button', { type: 'button', onclick: () => close(null), i18n: 'dialog.cancel' }), h('button', { type: 'submit', class: 'primary', i18n: submit }));
}

/**
 * A modal dialog built on <dialog>: focus stays inside, Esc closes it, and the promise
 * gives what the form produced (or null when cancelled).
 */
export function openDialog<T>(build: (close: (value: T | null) => void) => HTMLElement, className = ''): Promise<T | null> {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: `dialog ${className}` });
    let done = false;
    const close = (value: T | null) => {
      if (done) return;
      done = true;
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      close(null);
    });
    dialog.appendChild(build(close));
    document.body.appendChild(dialog);
    dialog.showModal();
    dialog.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  });
}

/**
 * Asks before something that cannot be taken back (revoking a key, removing a list entry):
 * the question, cancel, and the action on a red button. True when the user confirmed.
 */
export async function confirmDanger(question: string, action: string, actionId?: string): Promise<boolean> {
  const sure = await openDialog<true>(
    (close) =>
      h(
        'div',
        { class: 'dialog-body' },
        h('p', {}, question),
        h('div', { class: 'dialog-actions' }, h('button', { type: 'button', onclick: () => close(null), i18n: 'dialog.cancel' }), h('button', { type: 'button', class: 'primary danger', id: actionId, onclick: () => close(true) }, action)),
      ),
    'account-dialog',
  );
  return sure === true;
}
