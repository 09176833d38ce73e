import { asc, eq } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Db, Tx } from '../../db/engine.ts';
import { appendAudit } from '../audit/audit.ts';
import { cacheOf, forget } from '../cache.ts';
import { type Calendar, createCalendar } from './calendar.ts';
import type { OfficeHours } from './office-hours.ts';
import { type OfficialSchedule, type ScheduleEntry, validateSchedule } from './schedule.ts';
import { calendarScheduleEntries } from './schema.ts';

/** OFFICE_HOURS "07:30-11:30,13:30-16:00" → { morning, afternoon }. */
export function officeHoursOf(value: string): OfficeHours {
  const [m, a] = value.split(',') as [string, string];
  const [ms, me] = m.split('-') as [string, string];
  const [as, ae] = a.split('-') as [string, string];
  return { morning: [ms, me], afternoon: [as, ae] };
}

// The calendar is read on every deadline; schedules change a few times a year. Each process keeps
// it for a minute at most: an edit drops it here at once and elsewhere by the `calendar` trigger
// (platform/cache.ts).
const calendarCache = (db: Db) => cacheOf<'calendar', Calendar>(db, 'calendar', { ttlMs: 60_000 });

export function loadCalendar(
  db: Db,
  config: Pick<Config, 'OFFICE_HOURS' | 'CUTOFF_TIME'>,
): Promise<Calendar> {
  return calendarCache(db).get('calendar', async () => {
    const rows = await db.select().from(calendarScheduleEntries).orderBy(asc(calendarScheduleEntries.date));
    const byYear = new Map<number, ScheduleEntry[]>();
    for (const r of rows)
      byYear.set(r.year, [
        ...(byYear.get(r.year) ?? []),
        { date: r.date, kind: r.kind as ScheduleEntry['kind'], name: r.name },
      ]);
    const schedules: OfficialSchedule[] = [...byYear].map(([year, entries]) => ({ year, entries }));
    return createCalendar({
      schedules,
      officeHours: officeHoursOf(config.OFFICE_HOURS),
      cutoff: config.CUTOFF_TIME,
    });
  });
}

export function forgetCalendar(db: Db) {
  forget(db, 'calendar');
}

export async function scheduleOf(db: Db, year: number): Promise<ScheduleEntry[]> {
  const rows = await db
    .select()
    .from(calendarScheduleEntries)
    .where(eq(calendarScheduleEntries.year, year))
    .orderBy(asc(calendarScheduleEntries.date));
  return rows.map((r) => ({ date: r.date, kind: r.kind as ScheduleEntry['kind'], name: r.name }));
}

/** Replaces a year's official schedule as a whole (what an admin edits or imports). */
export async function replaceSchedule(
  tx: Tx,
  schedule: OfficialSchedule,
  actorId: string | null,
): Promise<void> {
  validateSchedule(schedule);
  await tx.delete(calendarScheduleEntries).where(eq(calendarScheduleEntries.year, schedule.year));
  if (schedule.entries.length) {
    await tx.insert(calendarScheduleEntries).values(
      schedule.entries.map((e) => ({
        date: e.date,
        year: schedule.year,
        kind: e.kind,
        name: e.name,
        createdBy: actorId,
      })),
    );
  }
  await appendAudit(tx, {
    actorId,
    action: 'calendar.schedule_replaced',
    subjectType: 'calendar_year',
    subjectId: String(schedule.year),
    details: { entries: schedule.entries.length },
  });
}
