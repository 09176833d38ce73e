import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '../../db/engine.ts';
import { listen } from '../../platform/listen.ts';
import type { Mailer } from '../../platform/mail.ts';
import { notificationOutbox } from './schema.ts';
import { PORTAL_URL } from './service.ts';

export type DispatcherLog = {
  warn(data: Record<string, unknown>, msg: string): void;
  error(data: Record<string, unknown>, msg: string): void;
};

export type DispatcherOptions = {
  /** The portal's address (config.publicUrl), for the links in the mail. */
  publicUrl: string;
  /** How often to look for mail due for a retry (or left by a crashed node). */
  pollMs?: number;
  /** A burst of commits (a desk receiving many dossiers) makes one pass, not one each. */
  debounceMs?: number;
  /** After this many failed tries a mail is given up ("failed", last error kept). */
  maxAttempts?: number;
  /** The first retry's delay; each next one doubles, up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A claimed row is skipped by other nodes this long; a node that dies mid-send frees it so. */
  leaseMs?: number;
  /** A send that takes longer counts as failed (a hung SMTP server must not hold the queue forever). */
  sendTimeoutMs?: number;
  batchSize?: number;
};

export type DrainResult = { sent: number; retrying: number; failed: number };

export type Dispatcher = {
  /** Send what is due soon, without waiting (after a commit that wrote to the outbox). */
  kick(): void;
  /** Send everything due now; resolves when done (the poll and `kick` use it; tests too). */
  drain(): Promise<DrainResult>;
  /** Stops the timers and waits for the pass in progress. */
  close(): Promise<void>;
};

type Claimed = { id: string; recipient: string; subject: string; text: string; attempts: number };

/** Personal data stays out of the logs: a***@example.vn. */
const maskAddress = (address: string) => address.replace(/^(.).*(@.*)$/, '$1***$2');

/**
 * Sends the notification outbox by e-mail, after commit and never inside a transaction. Safe with
 * several app nodes: a row is claimed by one atomic UPDATE … RETURNING that skips rows another
 * node is claiming (SKIP LOCKED) and moves the row's next attempt past a lease, so no two nodes
 * send it at once and a node that dies mid-send only delays it. Delivery is at least once.
 */
export function createDispatcher(
  database: Database,
  mailer: Mailer,
  log: DispatcherLog,
  options: DispatcherOptions,
): Dispatcher {
  const {
    publicUrl,
    pollMs = 30_000,
    debounceMs = 25,
    maxAttempts = 10,
    baseDelayMs = 30_000,
    maxDelayMs = 3_600_000,
    leaseMs = 10 * 60_000,
    sendTimeoutMs = 60_000,
    batchSize = 20,
  } = options;
  const db = database.db;
  let closed = false;
  let running: Promise<DrainResult> | null = null;
  let again = false;
  let debounce: NodeJS.Timeout | null = null;

  const claim = async (now: Date): Promise<Claimed[]> => {
    const due = db
      .select({ id: notificationOutbox.id })
      .from(notificationOutbox)
      .where(and(eq(notificationOutbox.status, 'pending'), lte(notificationOutbox.nextAttemptAt, now)))
      .orderBy(asc(notificationOutbox.nextAttemptAt))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    return db
      .update(notificationOutbox)
      .set({
        attempts: sql`${notificationOutbox.attempts} + 1`,
        nextAttemptAt: new Date(now.getTime() + leaseMs),
      })
      .where(and(inArray(notificationOutbox.id, due), eq(notificationOutbox.status, 'pending')))
      .returning({
        id: notificationOutbox.id,
        recipient: notificationOutbox.recipient,
        subject: notificationOutbox.subject,
        text: notificationOutbox.text,
        attempts: notificationOutbox.attempts,
      });
  };

  const send = async (row: Claimed) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${sendTimeoutMs} ms`)), sendTimeoutMs);
    });
    try {
      await Promise.race([
        mailer.send({
          to: row.recipient,
          subject: row.subject,
          text: row.text.replaceAll(PORTAL_URL, publicUrl),
        }),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  };

  const retryDelay = (attempts: number) => {
    const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempts - 1));
    // ±20 %: nodes retrying after the same outage do not all knock on the SMTP server at once.
    return Math.round(delay * (0.8 + Math.random() * 0.4));
  };

  /** One pass: claim due rows batch by batch and send them until none is due. */
  const pass = async (): Promise<DrainResult> => {
    const result: DrainResult = { sent: 0, retrying: 0, failed: 0 };
    while (!closed) {
      const batch = await claim(new Date());
      const sent: string[] = [];
      for (const row of batch) {
        let error: string | null = null;
        try {
          await send(row);
        } catch (e) {
          error = (e as Error).message?.slice(0, 1000) || String(e);
        }
        if (error === null) {
          sent.push(row.id);
          continue;
        }
        const givingUp = row.attempts >= maxAttempts;
        // Only if still ours: after a lease ran out another node may have claimed it again.
        await db
          .update(notificationOutbox)
          .set(
            givingUp
              ? { status: 'failed', lastError: error }
              : { lastError: error, nextAttemptAt: new Date(Date.now() + retryDelay(row.attempts)) },
          )
          .where(
            and(
              eq(notificationOutbox.id, row.id),
              eq(notificationOutbox.status, 'pending'),
              eq(notificationOutbox.attempts, row.attempts),
            ),
          );
        const data = { outboxId: row.id, to: maskAddress(row.recipient), attempts: row.attempts, error };
        if (givingUp) {
          result.failed++;
          log.error(data, 'notification mail given up');
        } else {
          result.retrying++;
          log.warn(data, 'notification mail failed; will retry');
        }
      }
      // The batch's sent mails in one write (a desk receiving 400 dossiers a second sends as many
      // mails). Outside the sends' try: a failed bookkeeping write must not pass for a failed send
      // (and resend at once); the lease runs out instead and the rows are sent again (at least once).
      if (sent.length) {
        await db
          .update(notificationOutbox)
          .set({ status: 'sent', sentAt: new Date(), lastError: null })
          .where(inArray(notificationOutbox.id, sent));
        result.sent += sent.length;
      }
      if (batch.length < batchSize) break;
    }
    return result;
  };

  /** One pass at a time per node; a request during a pass runs one more right after it. */
  const drain = (): Promise<DrainResult> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      const total: DrainResult = { sent: 0, retrying: 0, failed: 0 };
      try {
        do {
          again = false;
          const r = await pass();
          total.sent += r.sent;
          total.retrying += r.retrying;
          total.failed += r.failed;
        } while (again && !closed);
      } finally {
        running = null;
      }
      return total;
    })();
    return running;
  };

  const background = () => {
    drain().catch((e) => log.error({ error: (e as Error).message }, 'notification outbox pass failed'));
  };

  const poll = setInterval(background, pollMs);
  // The poll must not keep a finished process (a CLI command, a test) alive.
  poll.unref();

  const dispatcher: Dispatcher = {
    kick() {
      if (closed || debounce) return;
      debounce = setTimeout(() => {
        debounce = null;
        background();
      }, debounceMs);
      debounce.unref();
    },
    drain,
    async close() {
      closed = true;
      clearInterval(poll);
      if (debounce) clearTimeout(debounce);
      debounce = null;
      await running?.catch(() => undefined);
    },
  };
  // Mail left behind by a stop or a crash goes out at start, not at the first poll.
  dispatcher.kick();
  return dispatcher;
}

/** The channel on which web nodes tell workers that a commit wrote to the outbox. */
const CHANNEL = 'cqs_outbox';

/**
 * Tells every worker listening on the database that the outbox has new rows. At most one NOTIFY
 * per `debounceMs` per process, outside the writing transaction: a burst of commits costs one
 * message, and commits never wait on PostgreSQL's notification queue.
 */
export function outboxNotifier(database: Database, debounceMs = 25): () => void {
  let pending: NodeJS.Timeout | null = null;
  return () => {
    if (pending) return;
    pending = setTimeout(() => {
      pending = null;
      database.rows(sql`SELECT pg_notify(${CHANNEL}, '')`).catch(() => {
        // The worker's poll sends it anyway, a little later.
      });
    }, debounceMs);
    pending.unref();
  };
}

/**
 * A worker's ear on the database: calls `wake` whenever a web node has written to the outbox
 * (and after a dropped connection is back; the dispatcher's poll covers the gap).
 */
export function listenForOutbox(database: Database, wake: () => void, log: DispatcherLog) {
  return listen(database, CHANNEL, wake, log, wake);
}
