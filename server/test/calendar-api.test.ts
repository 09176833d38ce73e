import { beforeAll, expect, it } from 'vitest';
import { seedDemoAccounts } from '../seed/demo.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { findByLogin } from '../src/modules/identity/accounts.ts';
import { createSession } from '../src/modules/identity/sessions.ts';
import { csrfTokenFor } from '../src/modules/identity/web-session.ts';
import { useApp } from './support/app.ts';
import { describeEachEngine } from './support/databases.ts';

describeEachEngine('calendar API', { seed: true }, (ctx) => {
  const h = useApp(ctx);
  const cookie: Record<string, string> = {};
  const csrf: Record<string, string> = {};
  beforeAll(async () => {
    await seedDemoAccounts(ctx.database, ctx.config);
    for (const login of ['quantri', 'nguyenvanan']) {
      const p = (await findByLogin(ctx.database.db, `${login}@demo.cqs.example`))!;
      const { token } = await inTransaction(ctx.database, (tx) =>
        createSession(tx, { personId: p.id, idToken: null, userAgent: null, ip: null, hours: 1 }),
      );
      csrf[login] = csrfTokenFor(token);
      cookie[login] = `cqs_session=${token}; cqs_csrf=${csrf[login]}`;
    }
  });
  const get = (url: string) => h.app.inject({ method: 'GET', url });

  it('converts to the Vietnamese lunar calendar (Tết 1985 is 21 January in Vietnam)', async () => {
    expect((await get('/api/calendar/lunar?date=1985-01-21')).json()).toEqual({
      day: 1,
      month: 1,
      year: 1985,
      leap: false,
    });
    expect((await get('/api/calendar/lunar?date=2007-02-17')).json()).toEqual({
      day: 1,
      month: 1,
      year: 2007,
      leap: false,
    });
    expect((await get('/api/calendar/lunar?date=2026-02-30')).statusCode).toBe(400);
  });

  it("lists a year's days off: computed, and official where a schedule is loaded or imported", async () => {
    const computed = (await get('/api/calendar/holidays?year=2026')).json();
    const hung = computed.items.filter((d: { date: string }) => d.date.startsWith('2026-04-2'));
    expect(hung.map((d: { date: string }) => d.date)).toEqual(['2026-04-26', '2026-04-27']); // Sunday → Monday off
    expect(computed.items.some((d: { date: string }) => d.date === '2026-11-24')).toBe(true); // Culture Day
    // The platform ships the official Tết 2026 (civil servants off 16–20 Feb).
    expect(
      computed.items
        .filter((d: { source: string }) => d.source === 'official')
        .map((d: { date: string }) => d.date),
    ).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    const next = (await get('/api/calendar/holidays?year=2027')).json();
    expect(next.items.every((d: { source: string }) => d.source === 'computed')).toBe(true);

    const csv =
      'date,kind,name_vi,name_en\n2026-02-16,day_off,Nghỉ Tết,Tet\n2026-02-17,day_off,Mùng 1 Tết,Tet day 1\n2026-02-28,working_day,Làm bù,Make-up day\n';
    const imported = await h.app.inject({
      method: 'POST',
      url: '/api/calendar/schedule/2026/import',
      headers: { cookie: cookie.quantri!, 'x-csrf-token': csrf.quantri!, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().entries).toHaveLength(3);
    const after = (await get('/api/calendar/holidays?year=2026')).json();
    expect(after.items.find((d: { date: string }) => d.date === '2026-02-17')).toMatchObject({
      source: 'official',
      name: { vi: 'Mùng 1 Tết' },
    });
  });

  it('computes due dates over Tết, counting from the day after receipt, with a make-up Saturday', async () => {
    // Received Thursday 12 Feb 2026; Tết 16–20 Feb; Saturday 28 Feb is a make-up working day (above).
    const due = (
      await get('/api/calendar/due?receivedAt=2026-02-12T09:00:00%2B07:00&value=5&unit=working_days')
    ).json();
    expect(due).toEqual({ dueAt: '2026-02-26T16:00:00+07:00' });
    const over = (
      await get('/api/calendar/due?receivedAt=2026-02-24T09:00:00%2B07:00&value=4&unit=working_days')
    ).json();
    expect(over).toEqual({ dueAt: '2026-02-28T16:00:00+07:00' });
    // A Monday receipt with 1 working day is due on Tuesday.
    expect(
      (
        await get('/api/calendar/due?receivedAt=2026-10-05T10:00:00%2B07:00&value=1&unit=working_days')
      ).json(),
    ).toEqual({
      dueAt: '2026-10-06T16:00:00+07:00',
    });
  });

  it('refuses bad input with the field named, and schedule changes by anyone but an admin', async () => {
    const noOffset = await get('/api/calendar/due?receivedAt=2026-02-12T09:00:00&value=5&unit=working_days');
    expect(noOffset.statusCode).toBe(400);
    expect(noOffset.json().errors[0].field).toBe('query.receivedAt');
    expect(
      (await get('/api/calendar/due?receivedAt=2026-02-12T09:00:00Z&value=5&unit=weeks')).json().errors[0]
        .field,
    ).toBe('query.unit');
    expect(
      (await get('/api/calendar/due?receivedAt=2026-02-12T09:00:00Z&value=1.5&unit=working_days')).statusCode,
    ).toBe(400);
    const badCsv = await h.app.inject({
      method: 'POST',
      url: '/api/calendar/schedule/2027/import',
      headers: { cookie: cookie.quantri!, 'x-csrf-token': csrf.quantri!, 'content-type': 'text/csv' },
      payload: 'date,kind,name_vi,name_en\n2027-02-30,day_off,Sai,Wrong\n',
    });
    expect(badCsv.statusCode).toBe(400);
    expect(badCsv.json().detail).toContain('Dòng 2');
    const citizen = await h.app.inject({
      method: 'PUT',
      url: '/api/calendar/schedule/2027',
      headers: { cookie: cookie.nguyenvanan!, 'x-csrf-token': csrf.nguyenvanan! },
      payload: { entries: [] },
    });
    expect(citizen.statusCode).toBe(403);
    expect(
      (await h.app.inject({ method: 'PUT', url: '/api/calendar/schedule/2027', payload: { entries: [] } }))
        .statusCode,
    ).toBe(401);
  });
});
