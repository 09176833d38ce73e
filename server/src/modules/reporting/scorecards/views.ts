import { z } from 'zod';
import { vietnamIso } from '../../../platform/calendar/routes.ts';
import { localizedTextSchema } from '../../../platform/http/schemas.ts';
import { KPI_MEASURES } from '../statistics/kpi-measures.ts';
import type { Indicator, ScorecardSet } from './access.ts';
import type { AssessmentView } from './assessments.ts';
import type { Ranking } from './ranking.ts';
import type { SetSummary } from './sets.ts';

// The JSON shapes of the scorecards API, and how records become them.

export const indicatorInputSchema = z
  .object({
    pillar: z.string().trim().min(1).max(200).meta({ description: 'e.g. "Hạ tầng số"' }),
    code: z
      .string()
      .trim()
      .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]{0,39}$/u, 'letters, digits, dot, dash; up to 40')
      .meta({ description: 'Stable across years: the year-over-year comparison goes by it' }),
    name: z.string().trim().min(1).max(500),
    maxPoints: z.number().positive().max(100000).meta({ description: '1 on a 0–1 scale, or points' }),
    evidenceRequired: z
      .string()
      .trim()
      .max(1000)
      .nullable()
      .default(null)
      .meta({ description: 'What proof to attach; null = none needed' }),
    measure: z
      .enum(KPI_MEASURES)
      .nullable()
      .default(null)
      .meta({ description: 'A platform measure (rate 0–1 × max) instead of a hand score' }),
  })
  .strict();

export const indicatorSchema = z
  .object({
    id: z.uuid(),
    pillar: z.string(),
    code: z.string(),
    name: z.string(),
    maxPoints: z.number(),
    evidenceRequired: z.string().nullable(),
    measure: z.string().nullable(),
  })
  .meta({ id: 'ScorecardIndicator' });

export const indicatorView = (i: Indicator) => ({
  id: i.id,
  pillar: i.pillar,
  code: i.code,
  name: i.name,
  maxPoints: i.maxPoints,
  evidenceRequired: i.evidenceRequired,
  measure: i.measure,
});

export const setSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    year: z.number().int(),
    name: z.string(),
    subjectKind: z.enum(['department', 'commune']),
    status: z.enum(['draft', 'open', 'closed']),
    createdAt: z.string(),
  })
  .meta({ id: 'ScorecardSet' });

export const setView = (s: ScorecardSet) => ({
  id: s.id,
  code: s.code,
  year: s.year,
  name: s.name,
  subjectKind: s.subjectKind as 'department',
  status: s.status as 'draft',
  createdAt: vietnamIso(s.createdAt),
});

export const setSummarySchema = setSchema.extend({
  indicatorCount: z.number().int(),
  maxTotal: z.number(),
  submitted: z.number().int(),
  reviewed: z.number().int(),
});

export const summaryView = (s: SetSummary) => ({
  ...setView(s),
  indicatorCount: s.indicatorCount,
  maxTotal: s.maxTotal,
  submitted: s.submitted,
  reviewed: s.reviewed,
});

export const agencySchema = z.object({ id: z.uuid(), code: z.string(), name: localizedTextSchema });
export const agencyView = (a: {
  id: string;
  code: string;
  name: { vi: string; en?: string | undefined };
}) => ({
  id: a.id,
  code: a.code,
  name: a.name.en ? { vi: a.name.vi, en: a.name.en } : { vi: a.name.vi },
});

export const evidenceSchema = z.object({
  name: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  url: z.string(),
});

export const assessmentSchema = z
  .object({
    set: setSchema,
    agency: agencySchema,
    status: z.enum(['draft', 'submitted', 'reviewed']),
    submittedAt: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    total: z.number(),
    maxTotal: z.number(),
    actions: z.array(z.enum(['edit', 'submit', 'review'])),
    lines: z.array(
      z.object({
        indicator: indicatorSchema,
        selfScore: z.number().nullable(),
        explanation: z.string().nullable(),
        evidence: z.array(evidenceSchema),
        measuredScore: z.number().nullable(),
        reviewedScore: z.number().nullable(),
        reviewNote: z.string().nullable(),
        score: z.number().meta({ description: 'What counts: reviewed ?? self ?? measured' }),
      }),
    ),
  })
  .meta({ id: 'ScorecardAssessment' });

export function assessmentView(v: AssessmentView) {
  const base = `/api/reporting/scorecards/${v.set.id}/assessments/${v.agency.id}/evidence`;
  return {
    set: setView(v.set),
    agency: agencyView(v.agency),
    status: (v.assessment?.status ?? 'draft') as 'draft',
    submittedAt: v.assessment?.submittedAt ? vietnamIso(v.assessment.submittedAt) : null,
    reviewedAt: v.assessment?.reviewedAt ? vietnamIso(v.assessment.reviewedAt) : null,
    total: v.total,
    maxTotal: v.maxTotal,
    actions: v.actions,
    lines: v.lines.map((l) => ({
      indicator: indicatorView(l.indicator),
      selfScore: l.selfScore,
      explanation: l.explanation,
      evidence: l.evidence.map((e) => ({
        ...e,
        url: `${base}/${e.sha256}?indicator=${encodeURIComponent(l.indicator.code)}`,
      })),
      measuredScore: l.measuredScore,
      reviewedScore: l.reviewedScore,
      reviewNote: l.reviewNote,
      score: l.score,
    })),
  };
}

export const rankingSchema = z
  .object({
    set: setSchema,
    previousSet: setSchema.nullable(),
    maxTotal: z.number(),
    provisional: z
      .boolean()
      .meta({ description: 'Unreviewed self-assessments are included (DX office only)' }),
    pillars: z.array(z.object({ name: z.string(), maxPoints: z.number() })),
    rows: z.array(
      z.object({
        agency: agencySchema,
        status: z.enum(['submitted', 'reviewed']),
        total: z.number(),
        normalised: z.number(),
        rank: z.number().int(),
        pillars: z.record(z.string(), z.number()),
        previous: z.object({ total: z.number(), normalised: z.number(), rank: z.number().int() }).nullable(),
        change: z.object({ normalised: z.number(), rank: z.number().int() }).nullable(),
      }),
    ),
    pending: z.array(agencySchema),
  })
  .meta({ id: 'ScorecardRanking' });

export const rankingView = (r: Ranking) => ({
  set: setView(r.set),
  previousSet: r.previousSet ? setView(r.previousSet) : null,
  maxTotal: r.maxTotal,
  provisional: r.provisional,
  pillars: r.pillars,
  rows: r.rows.map((x) => ({ ...x, agency: agencyView(x.agency) })),
  pending: r.pending.map(agencyView),
});
