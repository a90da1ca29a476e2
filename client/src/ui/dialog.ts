import { h } from './dom.js';

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
