/** A seeded generator (mulberry32): the same seed gives the same province, row for row. */
export type Random = {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; `cumulative` from `cumulate`. */
  weighted<T>(items: readonly T[], cumulative: readonly number[]): T;
  chance(p: number): boolean;
};

export function seeded(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: (items, cumulative) => {
      const x = next() * cumulative[cumulative.length - 1]!;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      return items[lo]!;
    },
    chance: (p) => next() < p,
  };
}

export function cumulate(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

/** A UUIDv7-shaped id from the generator (time-ordered by `ms`), so runs are reproducible. */
export function uuidAt(ms: number, rnd: Random): string {
  const hex = (n: number, len: number) => Math.floor(n).toString(16).padStart(len, '0');
  const time = hex(ms, 12);
  const r = () => hex(rnd.next() * 0x10000, 4);
  const variant = (0x8000 | (rnd.next() * 0x3fff)) >>> 0;
  return `${time.slice(0, 8)}-${time.slice(8)}-7${r().slice(1)}-${hex(variant, 4)}-${r()}${r()}${r()}`;
}
