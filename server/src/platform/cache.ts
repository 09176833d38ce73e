import { sql } from 'drizzle-orm';
import type { Database, Db } from '../db/engine.ts';
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

type Entry<V> = { value: Promise<V>; expires: number };

export class TtlCache<K, V> {
  readonly #entries = new Map<K, Entry<V>>();
  // Bumped by every invalidation: a load that started before it does not store its old answer.
  #generation = 0;

  constructor(
    readonly ttlMs: number,
    readonly max = 10_000,
  ) {}

  /** The cached value, else `load()` (one load per key at a time; a failed load is not kept). */
  get(key: K, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.#entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    const generation = this.#generation;
    const value = load();
    if (this.#entries.size >= this.max) this.#evict(now);
    this.#entries.set(key, { value, expires: now + this.ttlMs });
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
    });
    void value.then(() => {
      if (generation !== this.#generation && this.#entries.get(key)?.value === value)
        this.#entries.delete(key);
    }, noop);
    return value;
  }

  /** Drops one entry, the entries `which` picks, or all. */
  forget(which?: K | ((key: K) => boolean)) {
    this.#generation++;
    if (which === undefined) this.#entries.clear();
    else if (typeof which === 'function')
      for (const key of [...this.#entries.keys()]) {
        if ((which as (key: K) => boolean)(key)) this.#entries.delete(key);
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

const noop = () => {};

/** A topic's cache, and how an invalidation's key (e.g. a person id) maps to its entries. */
type Topic = { cache: TtlCache<never, unknown>; forget: (key: string | undefined) => void };
const topicsOf = new WeakMap<Db, Map<string, Topic>>();

/**
 * The cache of `topic` for this database, made on first use. `forget(cache, key)` drops what an
 * invalidation keyed `key` concerns; without it a keyed invalidation drops the whole topic.
 */
export function cacheOf<K, V>(
  db: Db,
  topic: string,
  o: { ttlMs: number; max?: number; forget?: (cache: TtlCache<K, V>, key: string) => void },
): TtlCache<K, V> {
  const topics = topicsOf.get(db) ?? new Map<string, Topic>();
  topicsOf.set(db, topics);
  const existing = topics.get(topic);
  if (existing) return existing.cache as unknown as TtlCache<K, V>;
  const cache = new TtlCache<K, V>(o.ttlMs, o.max);
  topics.set(topic, {
    cache: cache as unknown as TtlCache<never, unknown>,
    forget: (key) => (key !== undefined && o.forget ? o.forget(cache, key) : cache.forget()),
  });
  return cache;
}

/** Drops `topic` (or its `key`) in this process's caches of this database. */
export function forget(db: Db, topic: string, key?: string) {
  topicsOf.get(db)?.get(topic)?.forget(key);
}

export const CACHE_CHANNEL = 'cqs_cache';

/**
 * After a change the triggers do not see: drops it here at once and tells the other processes.
 * Call it after the transaction committed (a NOTIFY from a rolled-back change would do no harm,
 * but one sent before commit could let another process reload the old rows).
 */
export async function invalidate(database: Database, topic: string, key?: string) {
  forget(database.db, topic, key);
  const payload = key === undefined ? topic : `${topic}:${key}`;
  await database.rows(sql`SELECT pg_notify(${CACHE_CHANNEL}, ${payload})`);
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
