import { session } from '../api/client.js';
import type { Viewer } from '../api/session-api.js';
import { h, icon } from './dom.js';
import { currentLang, onLanguageChange, setLang, tk } from './i18n.js';
import { purposeText } from './purpose.js';

/**
 * The top bar: what this is, the stated purpose, who is signed in (name, unit, role),
 * the alerts bell, the language switch, help, a new password and sign-out.
 */
export interface HeaderActions {
  editPurpose(): void;
  openAlerts(): void;
  help(): void;
  changePassword(): void;
  signOut(): void;
}

export class HeaderBar {
  readonly el: HTMLElement;
  private readonly purpose = h('span', { class: 'purpose-text' });
  private readonly alertCount = h('span', { class: 'badge-count', hidden: true });
  private readonly who: HTMLElement;

  constructor(
    private viewer: Viewer,
    actions: HeaderActions,
  ) {
    this.who = h('span', { class: 'who' });
    this.el = h(
      'header',
      { class: 'topbar' },
      h('div', { class: 'brand' }, h('span', { class: 'brand-mark small' }, 'Clew'), h('span', { class: 'brand-title', i18n: 'app.title' })),
      // An administrator reads no case data: no purpose to state, no alerts to hear.
      viewer.role === 'ADMINISTRATOR'
        ? ''
        : h(
            'button',
            { class: 'purpose-chip', i18nTitle: 'purpose.title', onclick: actions.editPurpose, id: 'purpose-chip' },
            h('span', { class: 'purpose-label', i18n: 'purpose.label' }),
            this.purpose,
          ),
      h('span', { class: 'spacer' }),
      viewer.role === 'ADMINISTRATOR'
        ? ''
        : h('button', { class: 'icon-button alerts-button', i18nTitle: 'alerts.title', onclick: actions.openAlerts, id: 'alerts-button' }, icon('bell'), this.alertCount),
      h('span', { class: 'user-box' }, icon('user'), this.who),
      h('button', { class: 'text-button', i18nTitle: 'lang.switch.title', onclick: () => setLang(currentLang() === 'en' ? 'zh-CN' : 'en'), i18n: 'lang.switch', id: 'lang-switch' }),
      h('button', { class: 'icon-button', i18nTitle: 'help.title', onclick: actions.help }, icon('help')),
      h('button', { class: 'text-button', i18nTitle: 'password.title', onclick: actions.changePassword, i18n: 'password.button', id: 'change-password' }),
      h('button', { class: 'text-button', i18nTitle: 'user.signout.title', onclick: actions.signOut, i18n: 'user.signout' }),
    );
    this.render();
    onLanguageChange(() => this.render());
  }

  setAlertCount(n: number): void {
    this.alertCount.hidden = n === 0;
    this.alertCount.textContent = n > 99 ? '99+' : String(n);
  }

  render(): void {
    const p = session.purpose;
    this.purpose.textContent = purposeText(p);
    this.purpose.classList.toggle('missing', !p);
    const v = this.viewer;
    this.who.textContent = `${v.name} · ${v.unitName ?? unitName(v.unit)} · ${v.role ? tk('role', v.role) : ''}`;
  }
}

/**
 * Units are a station's graph id (Station:S-XC; the server names stations) or a department
 * (dept:intel), named by the page where it knows the department and shown by its code where not.
 */
export function unitName(unit: string): string {
  if (unit.startsWith('Station:')) return unit.slice('Station:'.length);
  if (unit.startsWith('dept:')) return tk('dept', unit.slice('dept:'.length));
  return unit;
}
