import { describe, expect, it } from 'vitest';
import { newDossierState } from './lifecycle.ts';
import { decodeState, encodeState } from './state-codec.ts';

describe('dossier state in jsonb', () => {
  it('round-trips instants as Dates and leaves other values alone', () => {
    const state = {
      ...newDossierState({ channel: 'online', legalDuration: { value: 5, unit: 'working_days' } }),
      receivedAt: new Date('2026-10-05T02:00:00Z'),
      dueAt: new Date('2026-10-12T09:00:00Z'),
      pauses: [
        { start: new Date('2026-10-06T03:00:00Z'), end: null, reason: 'processing_supplement' as const },
      ],
    };
    const back = decodeState(JSON.parse(JSON.stringify(encodeState(state))));
    expect(back).toEqual(state);
    expect(back.receivedAt).toBeInstanceOf(Date);
    expect(back.pauses[0]!.start).toBeInstanceOf(Date);
  });
});
