import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../src/db/engine.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { listAgencies } from '../src/modules/identity/agencies.ts';
import {
  assessmentScores,
  assessments,
  scorecardIndicators,
  scorecardSets,
} from '../src/modules/reporting/schema.ts';
import { newId } from '../src/platform/ids.ts';

type DemoScore = { self: number | null; reviewed?: number | null; note?: string };
type DemoFile = {
  sets: { code: string; year: number; name: string; subjectKind: string; status: string }[];
  indicators: {
    pillar: string;
    code: string;
    name: string;
    maxPoints: number;
    evidenceRequired: string | null;
    measure: string | null;
  }[];
  assessments: { year: number; agency: string; status: string; scores: Record<string, DemoScore> }[];
};

const dataFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'dx-scorecards-demo.json');

/**
 * The demo's DX scorecards: last year's set closed with reviewed assessments, this year's open with
 * some self-assessments, so the ranking shows year-over-year change from the first start. The
 * figures are illustrative (data/dx-scorecards-demo.json). A set already there is left as it is.
 * Evidence files are not seeded: the demo's scores stand for a paper round done before the platform.
 * The demo has no dossier history for its measured indicators, so the DX office's figures from the
 * national portal stand in for them as reviewed scores (a real review may do the same).
 */
export async function seedDemoScorecards(database: Database): Promise<number> {
  const data = JSON.parse(fs.readFileSync(dataFile, 'utf8')) as DemoFile;
  const { items: departments } = await listAgencies(database.db, {
    kind: 'department',
    limit: 500,
    offset: 0,
  });
  const agencyId = (name: string) =>
    departments.find((a) => a.name.vi === name || a.name.vi.startsWith(`${name} `))?.id;
  let added = 0;
  await inTransaction(database, async (tx) => {
    for (const s of data.sets) {
      const [exists] = await tx
        .select({ id: scorecardSets.id })
        .from(scorecardSets)
        .where(and(eq(scorecardSets.code, s.code), eq(scorecardSets.year, s.year)));
      if (exists) continue;
      const setId = newId();
      await tx
        .insert(scorecardSets)
        .values({ id: setId, ...s, createdAt: new Date(`${s.year}-03-01T02:00:00Z`) });
      const ids = new Map<string, string>();
      await tx.insert(scorecardIndicators).values(
        data.indicators.map((ind, position) => {
          const id = newId();
          ids.set(ind.code, id);
          return { id, setId, ...ind, position };
        }),
      );
      for (const a of data.assessments.filter((x) => x.year === s.year)) {
        const agency = agencyId(a.agency);
        if (!agency) continue;
        const assessmentId = newId();
        await tx.insert(assessments).values({
          id: assessmentId,
          setId,
          agencyId: agency,
          status: a.status,
          submittedAt: new Date(`${s.year}-11-14T03:00:00Z`),
          reviewedAt: a.status === 'reviewed' ? new Date(`${s.year}-12-10T03:00:00Z`) : null,
        });
        await tx.insert(assessmentScores).values(
          Object.entries(a.scores).map(([code, score]) => ({
            id: newId(),
            assessmentId,
            indicatorId: ids.get(code)!,
            selfScore: score.self,
            explanation: null,
            evidence: [],
            reviewedScore: score.reviewed ?? null,
            reviewNote: score.note ?? null,
          })),
        );
      }
      added++;
    }
  });
  return added;
}
