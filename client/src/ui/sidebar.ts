import { h } from './dom.js';
import type { StringKey } from './i18n.js';

/** The left column: a row of tabs and the panel of the open one. */
export interface SidebarTab {
  name: string;
  label: StringKey;
  el: HTMLElement;
  /** Called each time the tab is opened (by click, keyboard or code), e.g. to read fresh data. */
  onOpen?: () => void;
}

export class Sidebar {
  readonly el: HTMLElement;
  private readonly buttons = new Map<string, HTMLButtonElement>();

  constructor(private readonly tabs: SidebarTab[]) {
    const bar = h('div', { class: 'tabs', role: 'tablist' });
    for (const tab of tabs) {
      const b = h('button', { type: 'button', role: 'tab', id: `tab-${tab.name}`, 'aria-controls': `panel-${tab.name}`, i18n: tab.label, onclick: () => this.open(tab.name) });
      this.buttons.set(tab.name, b);
      bar.appendChild(b);
      tab.el.id = `panel-${tab.name}`;
      tab.el.setAttribute('role', 'tabpanel');
    }
    bar.addEventListener('keydown', (e) => {
      const names = tabs.map((t) => t.name);
      const i = names.findIndex((n) => this.buttons.get(n) === document.activeElement);
      if (i < 0) return;
      if (e.key === 'ArrowRight') this.open(names[(i + 1) % names.length]!, true);
      else if (e.key === 'ArrowLeft') this.open(names[(i - 1 + names.length) % names.length]!, true);
    });
    this.el = h('aside', { class: 'sidebar' }, bar, ...tabs.map((t) => t.el));
    this.open(tabs[0]!.name);
  }

  open(name: string, focus = false): void {
    if (!this.tabs.some((t) => t.name === name)) return;
    for (const tab of this.tabs) {
      const on = tab.name === name;
      tab.el.hidden = !on;
      const b = this.buttons.get(tab.name)!;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
      if (on && focus) b.focus();
      if (on) tab.onOpen?.();
    }
  }
}
