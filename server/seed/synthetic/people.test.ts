import { describe, expect, it } from 'vitest';
import { loadNames, makeCitizen } from './people.ts';
import { seeded } from './random.ts';

describe('generated citizens', () => {
  const names = loadNames();
  const communes = ['25111'];

  it('gives a CCCD whose sex and birth year match the person, unique past a million citizens', () => {
    const rnd = seeded(7);
    const issued = new Set<string>();
    // Citizens 0–1,999 and 1,000,000–1,001,999 share their six-digit serials.
    const indexes = [...Array(2000).keys()].flatMap((i) => [i, 1_000_000 + i]);
    const people = indexes.map((i) => makeCitizen(`p${i}`, i, names, rnd, '08', communes, issued));
    expect(new Set(people.map((p) => p.cccd)).size).toBe(people.length);
    for (const p of people) {
      const year = Number(p.dateOfBirth.slice(0, 4));
      expect(p.cccd).toMatch(/^008\d{9}$/);
      expect(p.cccd.slice(4, 6)).toBe(String(year % 100).padStart(2, '0'));
      expect(Number(p.cccd[3]) >= 2).toBe(year >= 2000);
    }
  });
});
