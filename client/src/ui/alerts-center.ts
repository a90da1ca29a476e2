import { ALERT_FIELDS, listAlerts, ORDER_FIELDS, type Alert, type Order } from '../api/orders-api.js';
import { LiveConnection } from '../api/subscriptions.js';
import { expand } from '../api/graph-api.js';
import type { Viewer } from '../api/session-api.js';
import type { ChartController } from './chart-controller.js';
import { openDialog } from './dialog.js';
import { h } from './dom.js';
import { formatTime, t, tk, withNote } from './i18n.js';
import { personGid } from './ranked-list.js';
import { reportError } from './errors.js';
import { toast } from './toasts.js';
import { personLabel, watchListSection } from './watch-list.js';

/**
 * Live alerts and order changes over the subscription socket: each arrives as a toast
 * and raises the bell's count; the bell opens the latest alerts. Order changes also
 * refresh the orders tab.
 */
export class AlertsCenter {
  private readonly live = new LiveConnection();
  private alerts: Alert[] = [];
  private unread = 0;

  constructor(
    private readonly ctx: { chart: ChartController; viewer: Viewer },
    private readonly onCount: (n: number) => void,
  ) {
    const role = ctx.viewer.role;
    if (role === 'ANALYST' || role === 'INVESTIGATOR' || role === 'SUPERVISOR') {
      // The stored alerts are read when the dialog opens: they name persons, which needs the
      // purpose the workspace asks for first.
      this.live.subscribe(`subscription { alertRaised { ${ALERT_FIELDS} } }`, {}, (data) => this.onAlert(data.alertRaised as Alert));
    }
    if (role !== 'ADMINISTRATOR') {
      this.live.subscribe(`subscription { orderChanged { change at order { ${ORDER_FIELDS} } } }`, {}, (data) => {
        const c = data.orderChanged as { change: string; order: Order };
        this.bump();
        toast(t('orders.changed', { title: c.order.title, change: tk('orders.change', c.change) }), c.change === 'OVERDUE' ? 'error' : c.change === 'DEADLINE_WARNING' ? 'warn' : 'info', 8000);
        document.dispatchEvent(new CustomEvent('clew:orders-changed'));
      });
    }
  }

  private onAlert(a: Alert): void {
    this.alerts.unshift(a);
    this.bump();
    toast(t('alerts.raised', { text: describe(a) }), 'warn', 10000);
  }

  private bump(): void {
    this.unread++;
    this.onCount(this.unread);
  }

  async open(): Promise<void> {
    this.unread = 0;
    this.onCount(0);
    if (this.watchesVisible()) {
      try {
        this.alerts = await listAlerts();
      } catch (e) {
        reportError(e);
      }
    }
    void openDialog<true>((close) =>
      h(
        'div',
        { class: 'dialog-body alerts-dialog' },
        h('h2', { i18n: 'alerts.heading' }),
        this.alerts.length === 0
          ? h('p', { class: 'muted', i18n: 'alerts.none' })
          : h(
              'ul',
              { class: 'plain' },
              ...this.alerts.slice(0, 30).map((a) =>
                h(
                  'li',
                  { class: 'alert-item' },
                  h('span', {}, describe(a)),
                  h('button', { type: 'button', class: 'small', onclick: () => (close(true), void this.show(a)) }, t('alerts.show')),
                ),
              ),
            ),
        this.watchesVisible() ? watchListSection({ chart: this.ctx.chart, canEnd: this.ctx.viewer.role !== 'SUPERVISOR', onShown: () => close(true) }) : '',
        h('div', { class: 'dialog-actions' }, h('button', { type: 'button', class: 'primary', onclick: () => close(true), i18n: 'help.close' })),
      ),
    );
  }

  /** Those who hear alerts see the watches behind them; supervisors see them but do not end them. */
  private watchesVisible(): boolean {
    const role = this.ctx.viewer.role;
    return role === 'ANALYST' || role === 'INVESTIGATOR' || role === 'SUPERVISOR';
  }

  private async show(a: Alert): Promise<void> {
    const ids = [personGid(a.personId), personGid(a.associateId)];
    await this.ctx.chart.draw(await expand({ ids, depth: 1, perNodeLimit: 10 }), describe(a), ids);
  }

  close(): void {
    this.live.close();
  }
}

function describe(a: Alert): string {
  return t('alerts.item', {
    person: personLabel(a.personName, a.personId),
    relation: tk('rel', a.relation),
    associate: personLabel(a.associateName, a.associateId),
    at: formatTime(a.at),
    place: a.town ? withNote(a.locationName, a.town) : a.locationName,
  });
}
