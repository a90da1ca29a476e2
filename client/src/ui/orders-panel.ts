import { acknowledgeOrder, answerOrder, listOrders, type Order } from '../api/orders-api.js';
import { expand } from '../api/graph-api.js';
import { personRecord } from '../api/records-api.js';
import type { ApiSubgraph } from '../graph/elements.js';
import type { ChartController } from './chart-controller.js';
import { openDialog } from './dialog.js';
import { clear, h, icon } from './dom.js';
import { reportError } from './errors.js';
import { formatTime, onLanguageChange, t, tk } from './i18n.js';
import { toast } from './toasts.js';
import { personGid } from './ranked-list.js';

/**
 * Verification orders (核查指令): the unit's orders with a live deadline countdown,
 * overdue ones in red, due-soon ones in amber; acknowledge and answer in place. The list
 * refreshes when an order changes (live subscription, see alerts-center.ts).
 */
export function buildOrdersPanel(ctx: { chart: ChartController; viewer: { role: string | null } }): HTMLElement {
  const list = h('div', { class: 'orders', id: 'orders-list' });
  let orders: Order[] = [];
  let openOnly = true;
  const filter = h(
    'div',
    { class: 'chips' },
    h('button', { type: 'button', class: 'chip on', i18n: 'orders.filter.open', onclick: (e: Event) => setFilter(true, e) }),
    h('button', { type: 'button', class: 'chip', i18n: 'orders.filter.all', onclick: (e: Event) => setFilter(false, e) }),
  );
  const setFilter = (open: boolean, e: Event) => {
    openOnly = open;
    filter.querySelectorAll('.chip').forEach((c) => c.classList.toggle('on', c === e.currentTarget));
    void refresh();
  };
  const refresh = async () => {
    try {
      orders = (await listOrders(openOnly ? ['ISSUED', 'ACKNOWLEDGED'] : null)).orders;
      render();
    } catch (e) {
      reportError(e);
    }
  };
  const render = () => {
    clear(list);
    if (orders.length === 0) return void list.appendChild(h('p', { class: 'muted', i18n: 'orders.empty' }));
    const now = Date.now();
    for (const o of orders) list.appendChild(card(o, now));
  };
  const card = (o: Order, now: number): HTMLElement => {
    const left = Date.parse(o.deadline) - now;
    const done = o.status === 'ANSWERED' || o.status === 'CLOSED';
    const overdue = !done && left < 0;
    const soon = !done && !overdue && (o.dueState === 'DUE_SOON' || left < 15 * 60_000);
    const countdown = h('span', { class: 'countdown', 'data-deadline': o.deadline }, done ? tk('orders.due', o.dueState) : overdue ? t('orders.overdue', { time: span(-left) }) : t('orders.left', { time: span(left) }));
    return h(
      'article',
      { class: `order-card${overdue ? ' overdue' : soon ? ' due-soon' : ''}${done ? ' done' : ''}`, 'data-id': o.id },
      h('div', { class: 'order-head' }, h('strong', {}, o.title), h('span', { class: `status status-${o.status}` }, tk('orders.status', o.status))),
      h('p', { class: 'small' }, o.why),
      h('p', { class: 'small muted' }, `${o.stationName ?? o.station} · ${tk('tag', o.watchList)} · ${t('orders.members', { count: o.members.length })}`),
      h('p', { class: 'deadline' }, icon('clock'), ` ${t('orders.deadline', { at: formatTime(o.deadline) })} · `, countdown),
      h('p', { class: 'small muted' }, t('orders.issuedBy', { by: o.issuedBy, at: formatTime(o.issuedAt) })),
      o.feedback ? h('p', { class: 'feedback small' }, `${t('orders.answeredBy', { by: o.answeredBy ?? '', at: formatTime(o.answeredAt) })}：${o.feedback}`) : null,
      h(
        'div',
        { class: 'row' },
        o.status === 'ISSUED' ? h('button', { type: 'button', class: 'small ack', onclick: () => void act(o, 'ack') }, t('orders.ack')) : null,
        !done ? h('button', { type: 'button', class: 'small primary answer', onclick: () => void act(o, 'answer') }, t('orders.answer')) : null,
        h('button', { type: 'button', class: 'small', onclick: () => void show(o) }, t('orders.show')),
      ),
    );
  };
  const act = async (o: Order, what: 'ack' | 'answer') => {
    try {
      if (what === 'ack') {
        await acknowledgeOrder(o.id);
        toast(t('orders.acked', { title: o.title }), 'ok');
      } else {
        const feedback = await askFeedback(o);
        if (!feedback) return;
        await answerOrder(o.id, feedback);
        toast(t('orders.answered', { title: o.title }), 'ok');
      }
      await refresh();
    } catch (e) {
      reportError(e);
    }
  };
  const show = async (o: Order) => {
    const ids = o.members.map((m) => (m.includes(':') ? m : personGid(m))).filter((m) => m.startsWith('Person:'));
    if (ids.length === 0) return;
    try {
      // investigators see the persons with their stays and logins; a station (which may not
      // walk the graph) sees the persons themselves
      const investigating = ctx.viewer.role === 'ANALYST' || ctx.viewer.role === 'INVESTIGATOR';
      const sg = investigating ? await expand({ ids, depth: 1, relationTypes: ['STAYED_AT', 'LOGGED_IN'], perNodeLimit: 5 }) : await personsOnly(ids);
      await ctx.chart.draw(sg, o.title, ids);
    } catch (e) {
      reportError(e);
    }
  };
  // the countdown ticks every second without re-reading the orders
  const timer = window.setInterval(() => {
    const now = Date.now();
    list.querySelectorAll<HTMLElement>('.countdown').forEach((el) => {
      const card = el.closest('.order-card')!;
      if (card.classList.contains('done')) return;
      const left = Date.parse(el.dataset.deadline!) - now;
      el.textContent = left < 0 ? t('orders.overdue', { time: span(-left) }) : t('orders.left', { time: span(left) });
      card.classList.toggle('overdue', left < 0);
    });
  }, 1000);
  void timer;
  document.addEventListener('clew:orders-changed', () => void refresh());
  onLanguageChange(render);
  const panel = h(
    'section',
    { class: 'panel orders-panel' },
    h('div', { class: 'row spread' }, h('h2', { i18n: 'orders.heading' }), h('button', { type: 'button', class: 'text-button small', id: 'orders-refresh', onclick: () => void refresh(), i18n: 'orders.refresh' })),
    h('p', { class: 'muted small', i18n: 'orders.lead' }),
    filter,
    list,
  );
  // read when first shown, then on every change
  new MutationObserver(() => {
    if (!panel.hidden) void refresh();
  }).observe(panel, { attributes: true, attributeFilter: ['hidden'] });
  // a station officer's first tab: shown from the start, so read at once
  setTimeout(() => {
    if (!panel.hidden) void refresh();
  }, 0);
  return panel;
}

async function personsOnly(ids: string[]): Promise<ApiSubgraph> {
  const records = await Promise.all(ids.map((id) => personRecord(id.replace(/^Person:/, ''))));
  const nodes = records.flatMap((p) => (p ? [{ id: String(p.uid), kind: 'PERSON', label: String(p.name), properties: p }] : []));
  return { nodes, edges: [], truncated: false, omitted: [] };
}

function span(ms: number): string {
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const hh = Math.floor((s % 86400) / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return d > 0 ? `${d}d ${pad(hh)}:${pad(mm)}:${pad(ss)}` : `${pad(hh)}:${pad(mm)}:${pad(ss)}`;
}

function askFeedback(o: Order): Promise<string | null> {
  return openDialog<string>((close) => {
    const text = h('textarea', { id: 'order-feedback', rows: 5, i18nPlaceholder: 'orders.feedback.placeholder' });
    const form = h(
      'form',
      { class: 'dialog-body' },
      h('h2', {}, t('orders.feedback.heading', { title: o.title })),
      h('label', { for: 'order-feedback' }, h('span', { i18n: 'orders.feedback' }), text),
      h('div', { class: 'dialog-actions' }, h('button', { type: 'button', onclick: () => close(null), i18n: 'purpose.cancel' }), h('button', { type: 'submit', class: 'primary', i18n: 'orders.send' })),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (text.value.trim()) close(text.value.trim());
    });
    return form;
  });
}
