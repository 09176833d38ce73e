import type { Database, Tx } from './engine.ts';

/**
 * The one way to run a unit of work atomically. On PGlite (a single connection) transactions
 * are queued by PGlite's own lock, so concurrent requests never interleave inside one.
 *
 * Inside `work`, use only `tx`: on PGlite a query through the outer `db` waits for this very
 * transaction to end, and never runs (on PostgreSQL it would run outside the transaction).
 */
export function inTransaction<T>(database: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction(work);
}
