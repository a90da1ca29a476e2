import { openDialog } from './dialog.js';
import { h } from './dom.js';

/** Keys, mouse and badges, in one short dialog. */
export function showHelp(): void {
  void openDialog<true>((close) =>
    h(
      'div',
      { class: 'dialog-body help' },
      h('h2', { i18n: 'help.title' }),
      h('p', { i18n: 'help.mouse' }),
      h('p', { i18n: 'help.keys' }),
      h('p', { i18n: 'help.badges' }),
      h('div', { class: 'dialog-actions' }, h('button', { type: 'button', class: 'primary', onclick: () => close(true), i18n: 'help.close' })),
    ),
  );
}
