import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/platform/calendar/index.ts';
import { seeded } from './random.ts';
import { DEFAULT_MIX, simulate } from './simulate.ts';

const staff = { desk: 'desk', leader: 'leader', specialist: 'specialist' };
const calendar = createCalendar();

describe('the synthetic dossiers the demo and the benchmarks are made of', () => {
  // `npm start` seeds 2,000 demo dossiers through the real lifecycle: one refused step stops it.
  it('plays every path the lifecycle allows, extensions within the law’s limit included', () => {
    const rnd = seeded(7);
    const mix = { ...DEFAULT_MIX, extension: 1, supplement: 0.3 };
    let extended = 0;
    for (let i = 0; i < 400; i++) {
      const duration = { value: 1 + (i % 20), unit: 'working_days' as const };
      const day = `2026-0${1 + (i % 9)}-1${i % 10}`;
      const sim = simulate(
        day,
        'direct',
        duration,
        staff,
        'applicant',
        mix,
        rnd,
        calendar,
        new Date('2026-12-05T09:00:00Z'),
      );
      if (sim.events.some((e) => e.event.type === 'extend')) extended++;
    }
    expect(extended).toBeGreaterThan(100);
  });
});
