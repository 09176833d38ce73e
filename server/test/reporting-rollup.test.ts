import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { seedCatalog } from '../seed/catalog.ts';
import { seedDemoAccounts } from '../seed/demo.ts';
import { seedDemoDossiers } from '../seed/demo-dossiers.ts';
import { windowOf } from '../src/modules/reporting/statistics/dossier-sets.ts';
import { countClosedMonths } from '../src/modules/reporting/statistics/keeper.ts';
import { oneStopStatistics } from '../src/modules/reporting/statistics/one-stop.ts';
import { monthlyTrend } from '../src/modules/reporting/statistics/overview.ts';
import { parsePeriod } from '../src/modules/reporting/statistics/period.ts';
import { DIMENSIONS, type Scope } from '../src/modules/reporting/statistics/scope.ts';
import { procedureCounts, procedureCountsByAgency } from '../src/modules/reporting/statistics/services.ts';
import { vietnamInstant } from '../src/platform/calendar/vietnam-time.ts';
import { silentProgress } from '../src/platform/progress.ts';
import { describeEachEngine } from './support/databases.ts';

/**
 * The kept months (reporting/statistics/rollup.ts) are a shortcut, never a second truth: for every
 * period and breakdown the figures read from them equal the figures counted from the dossiers, and
 * a change that reaches back into a closed month is in the next figures. The demo's nine months of
 * dossiers, played through the real lifecycle, seen on 20 June 2026.
 */
const NOW = vietnamInstant('2026-06-20', 10 * 60);
const PERIODS = ['2026', '2026-H1', '2026-Q1', '2026-03', '2026-06', '2025-11-10..2026-04-17', '2025'];

describeEachEngine(
  'reporting: kept months add up to the live figures',
  { seed: true, config: { DEMO_DOSSIERS: '500' } },
  (ctx) => {
    beforeAll(async () => {
      await seedCatalog(ctx.database, ctx.config, silentProgress);
      await seedDemoAccounts(ctx.database, ctx.config);
      await seedDemoDossiers(ctx.database, ctx.config, NOW);
    });

    const figures = (
      period: string,
      scope: Scope = {},
      dimension = 'none' as (typeof DIMENSIONS)[number],
    ) => {
      const w = windowOf(parsePeriod(period)!, NOW);
      return Promise.all([
        oneStopStatistics(ctx.database, w, scope, dimension),
        oneStopStatistics(ctx.database, w, scope, dimension, { keep: false }),
      ]);
    };
    const staleMonths = async () =>
      (
        await ctx.database.rows<{ month: string }>(
          sql`SELECT to_char(month, 'YYYY-MM') AS month FROM reporting_rollup_month WHERE stale ORDER BY 1`,
        )
      ).map((r) => r.month);

    it('counts the closed months of this year and last in the background, each once', async () => {
      // January 2025 to May 2026; June is the current month and always counted live.
      expect(await countClosedMonths(ctx.database, NOW)).toBe(17);
      expect(await countClosedMonths(ctx.database, NOW)).toBe(0);
    });

    it('gives the same figures from kept months as from the dossiers, for every period and breakdown', async () => {
      for (const period of PERIODS) {
        const [whole] = await figures(period);
        for (const dimension of DIMENSIONS) {
          const [kept, live] = await figures(period, {}, dimension);
          expect(kept, `${period} by ${dimension}`).toEqual(live);
          // A breakdown's total is the whole province's figures.
          expect(kept.total, `${period} by ${dimension}: total`).toEqual(whole.total);
        }
      }
      const [year] = await figures('2026');
      // Not a vacuous comparison: the demo has work in every part of the year so far.
      expect(year.total.counts.received).toBeGreaterThan(200);
      expect(year.total.counts.resolved).toBeGreaterThan(100);
      expect(year.total.counts.pending).toBeGreaterThan(0);
      expect(year.total.counts.carried_over).toBeGreaterThan(0);
      const [kept] = await ctx.database.rows<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM reporting_rollup_month WHERE NOT stale`,
      );
      expect(kept!.n).toBeGreaterThanOrEqual(7); // Nov 2025 – May 2026
    });

    it('keeps filters exact: an agency, a channel, a procedure', async () => {
      const [agency] = await ctx.database.rows<{ id: string }>(
        sql`SELECT competent_agency_id AS id FROM dossier GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
      );
      const [procedure] = await ctx.database.rows<{ code: string }>(
        sql`SELECT p.code FROM dossier d JOIN catalog_procedure p ON p.id = d.procedure_id
            GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
      );
      for (const scope of [
        { agencyIds: [agency!.id], decidedOnly: true },
        { agencyIds: [agency!.id] },
        { channel: 'online' as const },
        { procedureCode: procedure!.code },
      ]) {
        const [kept, live] = await figures('2026', scope, 'desk');
        expect(kept, JSON.stringify(scope)).toEqual(live);
        expect(kept.total.counts.received).toBeGreaterThan(0);
      }
      const w = windowOf(parsePeriod('2026')!, NOW);
      expect(await procedureCounts(ctx.database, w, [agency!.id], false)).toEqual(
        await procedureCounts(ctx.database, w, [agency!.id], false, { keep: false }),
      );
      expect(await procedureCountsByAgency(ctx.database, w)).toEqual(
        await procedureCountsByAgency(ctx.database, w, { keep: false }),
      );
    });

    it('draws the year’s trend from the same figures, month by month', async () => {
      const trend = await monthlyTrend(ctx.database, {}, 2026, NOW);
      expect(trend).toHaveLength(12);
      for (const m of trend) {
        const w = windowOf(parsePeriod(m.month)!, NOW);
        const { total } = await oneStopStatistics(ctx.database, w, {}, 'none', { keep: false });
        expect(m, m.month).toEqual({
          month: m.month,
          received: total.counts.received,
          early: total.counts.resolved_early,
          onTime: total.counts.resolved_on_time,
          late: total.counts.resolved_late,
        });
      }
      expect(trend[5]!.received).toBeGreaterThan(0); // June so far, counted live
      expect(trend[6]).toMatchObject({ received: 0, early: 0, onTime: 0, late: 0 });
    });

    it('leaves closed months alone when today’s work goes on', async () => {
      await figures('2026');
      expect(await staleMonths()).toEqual([]);
      // A dossier received in May and still open is resolved today, with its events.
      const [open] = await ctx.database.rows<{ id: string }>(sql`
        SELECT id FROM dossier WHERE outcome_at IS NULL AND received_at >= ${vietnamInstant('2026-05-01', 0)}
          AND received_at < ${vietnamInstant('2026-06-01', 0)} LIMIT 1`);
      expect(open).toBeDefined();
      await ctx.database.rows(sql`
        UPDATE dossier SET status = 'finished', result = 'approved', finished_at = ${NOW},
          outcome_at = ${NOW}, outcome = 'on_time', working_days_taken = 4 WHERE id = ${open!.id}`);
      await ctx.database.rows(sql`
        INSERT INTO dossier_event (id, dossier_id, seq, type, from_status, to_status, at, due_at, data)
        SELECT gen_random_uuid(), ${open!.id}, max(seq) + 1, 'approve', 'in_progress', 'finished', ${NOW},
          ${NOW}, '{}'::jsonb FROM dossier_event WHERE dossier_id = ${open!.id}`);
      expect(await staleMonths()).toEqual([]);
      const [kept, live] = await figures('2026');
      expect(kept).toEqual(live);
    });

    it('counts a closed month again when a change reaches back into it', async () => {
      const [before] = await figures('2026-03');
      // The desk scans the paper dossiers of a March receipt late: digitization counts in March.
      const [paper] = await ctx.database.rows<{ id: string }>(sql`
        SELECT id FROM dossier WHERE channel = 'direct' AND digitized_at IS NULL
          AND received_at >= ${vietnamInstant('2026-03-01', 0)} AND received_at < ${vietnamInstant('2026-04-01', 0)}
        LIMIT 1`);
      expect(paper).toBeDefined();
      await ctx.database.rows(sql`UPDATE dossier SET digitized_at = ${NOW} WHERE id = ${paper!.id}`);
      expect(await staleMonths()).toEqual(['2026-03']);
      const [after, live] = await figures('2026-03');
      expect(after).toEqual(live);
      expect(after.total.counts.digitized).toBe(before.total.counts.digitized + 1);
      expect(await staleMonths()).toEqual([]);

      // A dossier received in February moves to another agency: every month since is counted again.
      const [moved] = await ctx.database.rows<{ id: string; agency: string }>(sql`
        SELECT d.id, (SELECT a.id FROM identity_agency a WHERE a.id <> d.competent_agency_id LIMIT 1) AS agency
        FROM dossier d WHERE d.received_at >= ${vietnamInstant('2026-02-01', 0)}
          AND d.received_at < ${vietnamInstant('2026-02-15', 0)} LIMIT 1`);
      await ctx.database.rows(
        sql`UPDATE dossier SET competent_agency_id = ${moved!.agency}::uuid WHERE id = ${moved!.id}`,
      );
      expect(await staleMonths()).toEqual(['2026-02', '2026-03', '2026-04', '2026-05']);
      for (const dimension of ['agency', 'commune'] as const) {
        const [kept, live] = await figures('2026', {}, dimension);
        expect(kept).toEqual(live);
      }

      // A supplement request entered late for April: a dossier asked in two months counts once a year.
      const [asked] = await ctx.database.rows<{ id: string }>(sql`
        SELECT dossier_id AS id FROM dossier_event WHERE type = 'request_supplement'
          AND at < ${vietnamInstant('2026-03-01', 0)} AND at >= ${vietnamInstant('2026-01-01', 0)} LIMIT 1`);
      if (asked) {
        const [yearBefore] = await figures('2026');
        await ctx.database.rows(sql`
          INSERT INTO dossier_event (id, dossier_id, seq, type, from_status, to_status, at, due_at, data)
          SELECT gen_random_uuid(), ${asked.id}, max(seq) + 1, 'request_supplement', 'in_progress',
            'supplement_requested', ${vietnamInstant('2026-04-10', 9 * 60)}, NULL, '{}'::jsonb
          FROM dossier_event WHERE dossier_id = ${asked.id}`);
        expect(await staleMonths()).toEqual(['2026-04']);
        const [year, live] = await figures('2026');
        expect(year).toEqual(live);
        expect(year.total.supplementRequests).toBe(yearBefore.total.supplementRequests + 1);
        expect(year.total.counts.supplement_requested).toBe(yearBefore.total.counts.supplement_requested);
      }
    });
  },
);
