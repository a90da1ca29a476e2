import { WebSocket } from 'undici';

/**
 * A minimal graphql-transport-ws client for subscription tests: signs the socket in with
 * the connection_init payload, subscribes, and collects what arrives.
 */
export interface Subscription<T> {
  received: T[];
  /** Resolves with the first message matching the predicate (or rejects after timeoutMs). */
  next(predicate: (message: T) => boolean, timeoutMs?: number): Promise<T>;
  close(): void;
}

export async function subscribe<T>(url: string, token: string, query: string, variables: Record<string, unknown> = {}, purpose: unknown = null): Promise<Subscription<T>> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
  const received: T[] = [];
  const waiters: { predicate: (m: T) => boolean; resolve: (m: T) => void }[] = [];
  let acked: () => void;
  let failed: (e: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    acked = resolve;
    failed = reject;
  });
  ws.addEventListener('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}`, purpose } })));
  ws.addEventListener('error', () => failed(new Error('websocket error')));
  ws.addEventListener('close', (e) => failed(new Error(`websocket closed: ${e.code} ${e.reason}`)));
  ws.addEventListener('message', (e) => {
    const msg = JSON.parse(String(e.data)) as { type: string; payload?: { data?: T; errors?: unknown } };
    if (msg.type === 'connection_ack') {
      ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
      // The subscription is registered on the server shortly after; give it a moment.
      setTimeout(() => acked(), 300);
    } else if (msg.type === 'next' && msg.payload?.data) {
      const data = msg.payload.data;
      received.push(data);
      for (const w of waiters.filter((x) => x.predicate(data))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(data);
      }
    } else if (msg.type === 'error' || msg.type === 'connection_error') {
      failed(new Error(`subscription refused: ${JSON.stringify(msg.payload)}`));
    }
  });
  await ready;
  return {
    received,
    next(predicate, timeoutMs = 10_000) {
      const already = received.find(predicate);
      if (already) return Promise.resolve(already);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(received)}`)), timeoutMs);
        waiters.push({ predicate, resolve: (m) => (clearTimeout(timer), resolve(m)) });
      });
    },
    close() {
      ws.close();
    },
  };
}
