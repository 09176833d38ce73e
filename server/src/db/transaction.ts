import type { Database, Tx } from './engine.ts';

/**
 * The one way to run a unit of work atomically, on one connection of the pool.
 *
 * Inside `work`, use only `tx`: a query through the outer `db` runs on another connection,
 * outside the transaction (and can wait on its locks).
 */
export function inTransaction<T>(database: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction(work);
}
