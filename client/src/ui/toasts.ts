import { h } from './dom.js';

/** Short messages at the bottom of the screen; errors stay until clicked. */
let host: HTMLElement | null = null;

export type ToastKind = 'info' | 'ok' | 'warn' | 'error';

export function toast(message: string, kind: ToastKind = 'info', ms = 4000): HTMLElement {
  host ??= document.body.appendChild(h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite' }));
  const el = h('div', { class: `toast toast-${kind}`, onclick: () => el.remove() }, message);
  host.appendChild(el);
  if (kind !== 'error') window.setTimeout(() => el.remove(), ms);
  else window.setTimeout(() => el.remove(), 12000);
  while (host.children.length > 4) host.firstElementChild?.remove();
  return el;
}
