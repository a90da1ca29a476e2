import { h } from './dom.js';
import { t, type StringKey } from './i18n.js';

/** A right-click menu: a list of labelled actions at the pointer; keyboard and Esc work. */
export interface MenuItem {
  label: StringKey;
  run(): void;
  hidden?: boolean;
}

let open: HTMLElement | null = null;

export function closeMenu(): void {
  open?.remove();
  open = null;
}

export function showMenu(x: number, y: number, items: MenuItem[], title?: string): void {
  closeMenu();
  const visible = items.filter((i) => !i.hidden);
  const menu = h('div', { class: 'context-menu', role: 'menu', id: 'context-menu' }, title ? h('div', { class: 'menu-title' }, title) : null);
  for (const item of visible) {
    menu.appendChild(
      h('button', {
        type: 'button',
        role: 'menuitem',
        onclick: () => {
          closeMenu();
          item.run();
        },
      }, t(item.label)),
    );
  }
  menu.addEventListener('keydown', (e) => {
    const buttons = [...menu.querySelectorAll<HTMLElement>('button')];
    const i = buttons.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') closeMenu();
    else if (e.key === 'ArrowDown') buttons[(i + 1) % buttons.length]?.focus();
    else if (e.key === 'ArrowUp') buttons[(i - 1 + buttons.length) % buttons.length]?.focus();
    else return;
    e.preventDefault();
  });
  document.body.appendChild(menu);
  const r = menu.getBoundingClientRect();
  menu.style.left = `${Math.min(x, window.innerWidth - r.width - 8)}px`;
  menu.style.top = `${Math.min(y, window.innerHeight - r.height - 8)}px`;
  open = menu;
  menu.querySelector<HTMLElement>('button')?.focus();
  setTimeout(() => document.addEventListener('pointerdown', outside, { once: true }), 0);
}

function outside(e: PointerEvent): void {
  if (open && !open.contains(e.target as Node)) closeMenu();
  else if (open) document.addEventListener('pointerdown', outside, { once: true });
}
