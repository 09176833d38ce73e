import { sql } from 'drizzle-orm';
import type { Database, Db, Tx } from '../db/engine.ts';
import { afterCommit } from '../db/transaction.ts';
import { listen } from './listen.ts';

/**
 * Per-process caches of what hot paths read on every request and people change rarely: a web
 * session with its person and roles, a procedure's version, the working-day calendar, the public
 * catalogue's searches. Each is a topic of the database it reads (tests run many databases in
 * one process), holds entries for a short TTL, and is dropped explicitly when the data changes:
 * - in this process at once, by the code that changed it (`forget`), so a user never reads their
 *   own change stale;
 * - in every other process of the same database through NOTIFY `cqs_cache`: the triggers of
 *   migration 0019 send it on commit for any change of the tables behind a topic, whoever makes
 *   it (the API, the command line, an administrator's SQL), and `invalidate` sends it from code.
 * The TTL bounds what a lost notification could cost (a listener reconnecting after a drop).
 */

// `settled` is the value once loaded, for invalidations that pick entries by what they hold.
type Entry<V> = { value: Promise<V>; expires: number; settled?: V };

export class TtlCache<K, V> {
  readonly #entries = new Map<K, Entry<V>>();
  // Bumped by every invalidation: a load that started before it does not store its old answer.
  #generation = 0;

  constructor(
    readonly ttlMs: number,
    readonly max = 10_000,
  ) {}

  /**
   * The cached value, else `load()` (one load per key at a time). A failed load is not kept, nor one
   * that found nothing (`undefined`): unknown keys, e.g. made-up session tokens, take no room.
   */
  get(key: K, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.#entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    const generation = this.#generation;
    const value = load();
    if (this.#entries.size >= this.max) this.#evict(now);
    const entry: Entry<V> = { value, expires: now + this.ttlMs };
    this.#entries.set(key, entry);
    value.then(
      (settled) => {
        entry.settled = settled;
        const stale = generation !== this.#generation || settled === undefined;
        if (stale && this.#entries.get(key) === entry) this.#entries.delete(key);
      },
      () => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
      },
    );
    return value;
  }

  /**
   * Drops one entry, the loaded entries `which` picks by their value (a load still running is
   * discarded when it ends, whatever it holds), or all.
   */
  forget(which?: K | ((value: V) => boolean)) {
    this.#generation++;
    if (which === undefined) this.#entries.clear();
    else if (typeof which === 'function')
      for (const [key, entry] of [...this.#entries]) {
        if ('settled' in entry && (which as (value: V) => boolean)(entry.settled as V))
          this.#entries.delete(key);
      }
    else this.#entries.delete(which);
  }

  get size() {
    return this.#entries.size;
  }

  // Expired entries first; if none, the oldest (a Map keeps insertion order).
  #evict(now: number) {
    for (const [key, entry] of this.#entries) if (entry.expires <= now) this.#entries.delete(key);
    if (this.#entries.size >= this.max) this.#entries.delete(this.#entries.keys().next().value as K);
  }
}

/** A cache, and how an invalidation's key (e.g. a person id) maps to its entries. */
type Registered = {
  name: string;
  cache: TtlCache<never, unknown>;
  forget: (key: string | undefined) => void;
};
const topicsOf = new WeakMap<Db, Map<string, Registered[]>>();

/**
 * The cache `name` (default: the topic's name) of `topic` for this database, made on first use;
 * an invalidation of the topic drops every cache of it. `forget(cache, key)` drops what an
 * invalidation keyed `key` concerns; without it a keyed invalidation drops the whole cache.
 */
export function cacheOf<K, V>(
  db: Db,
  topic: string,
  o: { name?: string; ttlMs: number; max?: number; forget?: (cache: TtlCache<K, V>, key: string) => void },
): TtlCache<K, V> {
  const topics = topicsOf.get(db) ?? new Map<string, Registered[]>();
  topicsOf.set(db, topics);
  const name = o.name ?? topic;
  const caches = topics.get(topic) ?? [];
  const existing = caches.find((c) => c.name === name);
  if (existing) return existing.cache as unknown as TtlCache<K, V>;
  const cache = new TtlCache<K, V>(o.ttlMs, o.max);
  caches.push({
    name,
    cache: cache as unknown as TtlCache<never, unknown>,
    forget: (key) => (key !== undefined && o.forget ? o.forget(cache, key) : cache.forget()),
  });
  topics.set(topic, caches);
  return cache;
}

/** Drops `topic` (or its `key`) in this process's caches of this database. */
export function forget(db: Db, topic: string, key?: string) {
  for (const c of topicsOf.get(db)?.get(topic) ?? []) c.forget(key);
}

/**
 * Drops `topic` (or its `key`) in this process once `tx` commits. Other processes hear of it from
 * the triggers of migration 0019; this makes the change visible here before the next request.
 */
export function forgetOnCommit(tx: Tx, topic: string, key?: string) {
  afterCommit(tx, (db) => forget(db, topic, key));
}

export const CACHE_CHANNEL = 'cqs_cache';

/**
 * For a change no trigger announces: once `tx` commits, this process drops `topic` (or its `key`)
 * and, by the NOTIFY PostgreSQL delivers on that commit only, every other process too.
 */
export async function invalidateOnCommit(tx: Tx, topic: string, key?: string) {
  forgetOnCommit(tx, topic, key);
  await tx.execute(sql`SELECT pg_notify(${CACHE_CHANNEL}, ${key === undefined ? topic : `${topic}:${key}`})`);
}

/** This process's ear for other processes' changes (a web node runs it). */
export function listenForInvalidations(database: Database, log: Parameters<typeof listen>[3]) {
  return listen(
    database,
    CACHE_CHANNEL,
    (payload) => {
      const at = payload.indexOf(':');
      if (at < 0) forget(database.db, payload);
      else forget(database.db, payload.slice(0, at), payload.slice(at + 1));
    },
    log,
    // Reconnected after a drop: what changed meanwhile is unknown, so every topic goes.
    () => {
      for (const topic of topicsOf.get(database.db)?.keys() ?? []) forget(database.db, topic);
    },
  );
}
