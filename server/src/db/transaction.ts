import type { Database, Db, Tx } from './engine.ts';

// What to do once a transaction has committed, by its `tx` (see afterCommit).
const commitHooks = new WeakMap<Tx, { db: Db; hooks: ((db: Db) => void)[] }>();

/**
 * The one way to run a unit of work atomically, on one connection of the pool.
 *
 * Inside `work`, use only `tx`: a query through the outer `db` runs on another connection,
 * outside the transaction (and can wait on its locks).
 */
export async function inTransaction<T>(database: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  const pending = { db: database.db, hooks: [] as ((db: Db) => void)[] };
  const result = await database.db.transaction((tx) => {
    commitHooks.set(tx, pending);
    return work(tx);
  });
  for (const hook of pending.hooks) hook(pending.db);
  return result;
}

/**
 * Runs `hook` once the transaction of `tx` has committed, never if it rolls back: e.g. dropping
 * what this process cached of the rows it changed (platform/cache.ts), which done earlier could
 * let a concurrent request cache the old rows again. A transaction not opened by inTransaction
 * (a seed's, a restore's) runs no hooks: what its hooks would drop, the NOTIFY of migration 0019's
 * triggers drops a moment later.
 */
export function afterCommit(tx: Tx, hook: (db: Db) => void) {
  commitHooks.get(tx)?.hooks.push(hook);
}
