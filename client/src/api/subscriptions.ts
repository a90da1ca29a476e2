import { pageLanguage, session } from './client.js';

/**
 * Live updates over one WebSocket (graphql-transport-ws at /graphql): the socket signs in
 * with the session token in connection_init, subscriptions are multiplexed over it, and
 * it reconnects with a growing pause when it drops.
 */
type Handler = (data: Record<string, unknown>) => void;

interface Sub {
  query: string;
  variables: Record<string, unknown>;
  handler: Handler;
}

export class LiveConnection {
  private ws: WebSocket | null = null;
  private subs = new Map<string, Sub>();
  private nextId = 1;
  private retry = 1000;
  private closed = false;
  private acked = false;
  onState: (state: 'connecting' | 'live' | 'down') => void = () => {};

  subscribe(query: string, variables: Record<string, unknown>, handler: Handler): () => void {
    const id = String(this.nextId++);
    this.subs.set(id, { query, variables, handler });
    if (this.acked) this.send({ id, type: 'subscribe', payload: { query, variables } });
    else this.connect();
    return () => {
      this.subs.delete(id);
      if (this.acked) this.send({ id, type: 'complete' });
    };
  }

  close(): void {
    this.closed = true;
    this.ws?.close();
  }

  private connect(): void {
    if (this.ws || this.closed || !session.token) return;
    this.onState('connecting');
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    const ws = new WebSocket(url, 'graphql-transport-ws');
    this.ws = ws;
    ws.onopen = () => this.send({ type: 'connection_init', payload: { authorization: `Bearer ${session.token}`, purpose: session.purpose ?? undefined, lang: pageLanguage() } });
    ws.onmessage = (event) => {
      const msg = JSON.parse(String(event.data)) as { type: string; id?: string; payload?: { data?: Record<string, unknown> } };
      if (msg.type === 'connection_ack') {
        this.acked = true;
        this.retry = 1000;
        this.onState('live');
        for (const [id, s] of this.subs) this.send({ id, type: 'subscribe', payload: { query: s.query, variables: s.variables } });
      } else if (msg.type === 'next' && msg.id && msg.payload?.data) {
        this.subs.get(msg.id)?.handler(msg.payload.data);
      } else if (msg.type === 'ping') {
        this.send({ type: 'pong' });
      }
    };
    ws.onclose = () => {
      this.ws = null;
      this.acked = false;
      if (this.closed) return;
      this.onState('down');
      setTimeout(() => this.connect(), this.retry);
      this.retry = Math.min(this.retry * 2, 30_000);
    };
  }

  private send(msg: object): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }
}
