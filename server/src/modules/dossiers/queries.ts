import { and, asc, desc, eq, inArray, isNotNull, lt, or, type SQL, sql } from 'drizzle-orm';
import {
  addWorkingDays,
  type Calendar,
  vietnamDateOf,
  workingDaysBetween,
} from '../../platform/calendar/index.ts';
import { procedures, procedureVersions } from '../catalog/schema.ts';
import type { Actor } from '../identity/policy.ts';
import { DOSSIER_ACTIONS } from './lifecycle.ts';
import { applicantSearchKey, dossierEvents, dossiers } from './schema.ts';
import type { DossierContext } from './service.ts';
import { APPLICANT_STEP_TYPES } from './timeline.ts';

export const QUEUES = [
  'to_receive',
  'in_progress',
  'supplement',
  'due_today',
  'due_soon',
  'overdue',
  'to_return',
  'all',
] as const;
export type Queue = (typeof QUEUES)[number];

/**
 * Open with the clock running. A wait for the applicant's supplement stops it (DOMAIN.md §2) and the
 * due date is set again on resubmission, so such a dossier is neither due nor overdue meanwhile:
 * the same rule as the statistics and the leaders' dashboard.
 */
const RUNNING = ['received', 'in_progress'];
export const RUNNING_STATUSES: ReadonlySet<string> = new Set(RUNNING);

/** Deadline colour: overdue, due within 2 working days, or on time. */
export function deadlineState(
  due: Date | null,
  now: Date,
  calendar: Calendar,
): { daysLeft: number | null; tone: 'on_time' | 'due_soon' | 'overdue' | null } {
  if (!due) return { daysLeft: null, tone: null };
  if (due.getTime() < now.getTime())
    return {
      daysLeft: -workingDaysBetween(vietnamDateOf(due), vietnamDateOf(now), calendar),
      tone: 'overdue',
    };
  const left = workingDaysBetween(vietnamDateOf(now), vietnamDateOf(due), calendar);
  return { daysLeft: left, tone: left <= 2 ? 'due_soon' : 'on_time' };
}

/**
 * An official's work list: dossiers received at, or decided by, the agencies their roles reach,
 * filtered by queue and found by code, applicant name (no diacritics needed) or CCCD.
 */
export async function officerQueue(
  ctx: DossierContext,
  actor: Actor,
  query: { queue: Queue; q?: string; limit: number; offset: number; mine?: boolean },
  calendar: Calendar,
  now = new Date(),
) {
  const desks = [
    ...new Set(
      actor.grants
        .filter((g) => g.role === 'counter_officer' || g.role === 'leader')
        .flatMap((g) => [...g.scope]),
    ),
  ];
  const deciders = [
    ...new Set(
      actor.grants.filter((g) => g.role === 'specialist' || g.role === 'leader').flatMap((g) => [...g.scope]),
    ),
  ];
  const reach: SQL[] = [];
  // "Hồ sơ của tôi": the dossiers the caller filed, drafts included, whatever roles they hold.
  if (query.mine) reach.push(eq(dossiers.applicantId, actor.personId));
  else {
    if (desks.length) reach.push(inArray(dossiers.receivingAgencyId, desks));
    if (deciders.length) reach.push(inArray(dossiers.competentAgencyId, deciders));
  }
  if (reach.length === 0) return { items: [], total: 0, totalCapped: false };
  const today = vietnamDateOf(now);
  const todayEnd = new Date(`${today}T23:59:59+07:00`);
  // "Due soon" = within 2 working days, the same rule as the deadline colour.
  const soonEnd = new Date(`${addWorkingDays(today, 2, calendar)}T23:59:59+07:00`);
  const byQueue: Record<Queue, SQL | undefined> = {
    to_receive: eq(dossiers.status, 'submitted'),
    in_progress: inArray(dossiers.status, RUNNING),
    supplement: eq(dossiers.status, 'supplement_requested'),
    due_today: and(inArray(dossiers.status, RUNNING), sql`${dossiers.dueAt} BETWEEN ${now} AND ${todayEnd}`),
    due_soon: and(inArray(dossiers.status, RUNNING), sql`${dossiers.dueAt} BETWEEN ${now} AND ${soonEnd}`),
    overdue: and(inArray(dossiers.status, RUNNING), isNotNull(dossiers.dueAt), lt(dossiers.dueAt, now)),
    to_return: eq(dossiers.status, 'finished'),
    all: undefined,
  };
  const filters: (SQL | undefined)[] = [or(...reach), byQueue[query.queue]];
  const q = query.q?.trim();
  if (q) {
    filters.push(
      /^\d{12}$/.test(q)
        ? sql`${dossiers.applicant}->>'cccd' = ${q}`
        : or(
            eq(dossiers.code, q),
            // The stored folded name and its trigram index (migration 0020), the query folded alike.
            sql`${applicantSearchKey} LIKE '%' || f_search_key(${q}) || '%'`,
          ),
    );
  }
  const where = and(...filters);
  // Counted exactly up to the cap (LIST_COUNT_CAP), then "more than": an exact count of a desk's
  // 800,000 dossiers, or of every name containing "nguyen", is a scan of them all (1.3 s on 1 M
  // dossiers) for a figure no one pages through; a search narrows the list instead.
  const cap = ctx.config.LIST_COUNT_CAP;
  const { db } = ctx.database;
  // The list's order, on the dossier (a page) or on the matches' columns of the same names (a search).
  const [order, orderOfMatches] = query.mine
    ? [[desc(dossiers.updatedAt)], sql`updated_at DESC`]
    : query.queue === 'all'
      ? // The whole history: the latest receipts first (not yet received ones at the top).
        [
          [sql`${dossiers.receivedAt} DESC NULLS FIRST`, desc(dossiers.createdAt)],
          sql`received_at DESC NULLS FIRST, created_at DESC`,
        ]
      : // A work queue: what is due first.
        [
          [sql`${dossiers.dueAt} ASC NULLS LAST`, desc(dossiers.createdAt)],
          sql`due_at ASC NULLS LAST, created_at DESC`,
        ];
  const page = (filter: SQL | undefined) =>
    db
      .select({ d: dossiers, name: procedureVersions.name, procedureCode: procedures.code })
      .from(dossiers)
      .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
      .innerJoin(
        procedureVersions,
        and(
          eq(procedureVersions.procedureId, procedures.id),
          eq(procedureVersions.version, dossiers.procedureVersion),
        ),
      )
      .where(filter)
      .orderBy(...order);
  // A search's matches, up to the cap, with the columns of the list's order.
  const matches = db
    .select({
      id: dossiers.id,
      receivedAt: dossiers.receivedAt,
      createdAt: dossiers.createdAt,
      dueAt: dossiers.dueAt,
      updatedAt: dossiers.updatedAt,
    })
    .from(dossiers)
    .where(where)
    .limit(cap + 1);
  let rows: Awaited<ReturnType<typeof page>>;
  let counted: number;
  if (q) {
    // A search finds few dossiers (a code, a CCCD, a name), and finding them is the work: one scan
    // (of the trigram index for a name) gives both the count and the page's ids, in the list's
    // order; the page is then read by id. Beyond the cap, the list is read as without a search.
    const [found] = await ctx.database.rows<{ n: number; ids: string[] }>(sql`
      WITH m AS (${matches})
      SELECT (SELECT count(*)::int FROM m) AS n,
             ARRAY(SELECT id::text FROM m ORDER BY ${orderOfMatches} LIMIT ${query.limit} OFFSET ${query.offset}) AS ids`);
    counted = found?.n ?? 0;
    if (counted > cap) rows = await page(where).limit(query.limit).offset(query.offset);
    else {
      const ids = found?.ids ?? [];
      const at = new Map(ids.map((id, i) => [id, i]));
      rows = ids.length
        ? (await page(inArray(dossiers.id, ids))).sort((a, b) => at.get(a.d.id)! - at.get(b.d.id)!)
        : [];
    }
  } else {
    const [r, [total]] = await Promise.all([
      page(where).limit(query.limit).offset(query.offset),
      // Only what the count needs, so an index-only scan may answer it.
      db.select({ n: sql<number>`count(*)::int` }).from(
        db
          .select({ one: sql`1` })
          .from(dossiers)
          .where(where)
          .limit(cap + 1)
          .as('counted'),
      ),
    ]);
    rows = r;
    counted = total?.n ?? 0;
  }
  return {
    items: rows.map(({ d, name, procedureCode }) => ({
      id: d.id,
      code: d.code,
      status: d.status,
      procedureName: name,
      applicantName: d.applicant.fullName,
      procedureCode: procedureCode,
      channel: d.channel,
      receivedAt: d.receivedAt,
      dueAt: d.dueAt,
      ...(RUNNING_STATUSES.has(d.status)
        ? deadlineState(d.dueAt, now, calendar)
        : { daysLeft: null, tone: null }),
    })),
    total: Math.min(counted, cap),
    totalCapped: counted > cap,
  };
}

/**
 * Public tracking by code and the applicant's phone or CCCD: status and steps, no personal data.
 * A wrong pair answers like an unknown code, so codes cannot be probed for their owners.
 */
export async function track(ctx: DossierContext, code: string, secret: { phone?: string; cccd?: string }) {
  const [row] = await ctx.database.db
    .select({ d: dossiers, name: procedureVersions.name })
    .from(dossiers)
    .innerJoin(
      procedureVersions,
      and(
        eq(procedureVersions.procedureId, dossiers.procedureId),
        eq(procedureVersions.version, dossiers.procedureVersion),
      ),
    )
    .where(eq(dossiers.code, code));
  if (!row) return null;
  const matches =
    (secret.phone && row.d.applicant.phone === secret.phone) ||
    (secret.cccd && row.d.applicant.cccd === secret.cccd);
  if (!matches) return null;
  const events = await ctx.database.db
    .select({ type: dossierEvents.type, to: dossierEvents.toStatus, at: dossierEvents.at })
    .from(dossierEvents)
    .where(
      and(
        eq(dossierEvents.dossierId, row.d.id),
        // The public sees the lifecycle's steps the applicant sees, not files nor consultations.
        inArray(
          dossierEvents.type,
          ['create', ...DOSSIER_ACTIONS].filter((t) => APPLICANT_STEP_TYPES.includes(t)),
        ),
      ),
    )
    .orderBy(asc(dossierEvents.seq));
  return { dossier: row.d, procedureName: row.name, events };
}
