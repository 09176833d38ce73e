import pg from 'pg';
import type { Database } from '../db/engine.ts';

export type ListenLog = { warn(data: Record<string, unknown>, msg: string): void };

/**
 * LISTEN on `channel` of the database: `onMessage(payload)` for every NOTIFY. One dedicated
 * connection (LISTEN holds it), reopened after a drop; `onReconnect` then covers what may have been
 * missed meanwhile (the outbox's poll, the caches' clearing).
 */
export function listen(
  database: Database,
  channel: string,
  onMessage: (payload: string) => void,
  log: ListenLog,
  onReconnect: () => void = () => {},
): { close(): Promise<void> } {
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let dropped = false;
  const connect = async () => {
    if (closed) return;
    const c = new pg.Client({ connectionString: database.url });
    c.on('notification', (m) => onMessage(m.payload ?? ''));
    c.on('error', (e) => {
      log.warn({ error: e.message, channel }, 'listener lost its connection; reconnecting');
      c.end().catch(() => {});
      if (client === c) client = null;
      dropped = true;
      if (!closed) retry = setTimeout(connect, 2000);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      if (closed) await c.end();
      else {
        client = c;
        if (dropped) onReconnect();
        dropped = false;
      }
    } catch (e) {
      c.end().catch(() => {});
      dropped = true;
      if (!closed) {
        log.warn({ error: (e as Error).message, channel }, 'listener cannot connect; retrying');
        retry = setTimeout(connect, 2000);
      }
    }
  };
  const started = connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await started;
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
