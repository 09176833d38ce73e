import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../../config.ts';
import type { Database } from '../../../db/engine.ts';
import { problemResponses } from '../../../platform/http/problem.ts';
import { requireAuth } from '../../identity/web-session.ts';
import { attachmentHeaders } from '../export/xlsx.ts';
import { saveSelfScores, submitAssessment, viewAssessment } from './assessments.ts';
import { addEvidence, type EvidenceContext, readEvidence, removeEvidence } from './evidence.ts';
import { markReviewed, saveReview } from './review.ts';
import { assessmentSchema, assessmentView, evidenceSchema } from './views.ts';

const tags = ['reporting'];
const params = z.object({ setId: z.uuid(), agencyId: z.uuid() });
const score = z.number().min(-1_000_000).max(1_000_000).nullable();

/** One agency's assessment: its self-assessment with evidence, and the DX office's review. */
export const assessmentRoutes =
  (database: Database, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx: EvidenceContext = { database, config };
    // The evidence upload body is the file itself, whatever type the client claims: its bytes decide.
    app.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: (config.FILE_MAX_MB + 1) * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );
    const base = '/api/reporting/scorecards/:setId/assessments/:agencyId';
    const view = async (req: Parameters<typeof requireAuth>[0], setId: string, agencyId: string) =>
      assessmentView(await viewAssessment(database, requireAuth(req).actor, setId, agencyId));

    app.get(
      base,
      {
        schema: {
          tags,
          summary: "An agency's assessment: every indicator with its self, measured and reviewed scores",
          description:
            "Its own leaders and specialists and the DX office may read it at any time; other agencies' officials get 403 and see only the published ranking.",
          params,
          response: { 200: assessmentSchema, ...problemResponses(401, 403, 404) },
        },
      },
      async (req) => view(req, req.params.setId, req.params.agencyId),
    );

    app.put(
      `${base}/scores`,
      {
        schema: {
          tags,
          summary: 'The agency saves self-assessed scores and explanations (a draft, until submitted)',
          params,
          body: z
            .object({
              scores: z
                .array(
                  z
                    .object({
                      indicatorCode: z.string().min(1).max(40),
                      selfScore: score.meta({ description: "0..the indicator's max; null clears it" }),
                      explanation: z.string().max(5000).nullable().optional(),
                    })
                    .strict(),
                )
                .min(1)
                .max(300),
            })
            .strict(),
          response: { 200: assessmentSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const { setId, agencyId } = req.params;
        await saveSelfScores(database, requireAuth(req).actor, setId, agencyId, req.body.scores);
        return view(req, setId, agencyId);
      },
    );

    app.post(
      `${base}/evidence`,
      {
        schema: {
          tags,
          summary: 'Attach an evidence file (PDF, JPEG or PNG, recognised by content) to an indicator',
          description: `The request body is the file's bytes. At most ${config.FILE_MAX_MB} MB (413); other kinds of file are refused (415).`,
          params,
          querystring: z
            .object({
              indicator: z.string().min(1).max(40).meta({ description: "The indicator's code" }),
              fileName: z.string().trim().min(1).max(255),
            })
            .strict(),
          response: { 201: evidenceSchema, ...problemResponses(400, 401, 403, 404, 409, 413, 415) },
        },
      },
      async (req, reply) => {
        const { setId, agencyId } = req.params;
        const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const e = await addEvidence(ctx, requireAuth(req).actor, setId, agencyId, { ...req.query, bytes });
        return reply.status(201).send({
          ...e,
          url: `/api/reporting/scorecards/${setId}/assessments/${agencyId}/evidence/${e.sha256}?indicator=${encodeURIComponent(req.query.indicator)}`,
        });
      },
    );

    const evidenceParams = params.extend({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });
    const evidenceQuery = z.object({ indicator: z.string().min(1).max(40) }).strict();

    app.get(
      `${base}/evidence/:sha256`,
      {
        schema: {
          tags,
          summary: 'Download an evidence file',
          params: evidenceParams,
          querystring: evidenceQuery,
          response: {
            200: z.unknown().meta({ description: 'The file (PDF, JPEG or PNG)' }),
            ...problemResponses(401, 403, 404),
          },
        },
      },
      async (req, reply) => {
        const { setId, agencyId, sha256 } = req.params;
        const { evidence, bytes } = await readEvidence(
          ctx,
          requireAuth(req).actor,
          setId,
          agencyId,
          req.query.indicator,
          sha256,
        );
        return reply
          .headers(attachmentHeaders(evidence.name, evidence.contentType, 'inline'))
          .header('cache-control', 'private, no-store')
          .send(bytes);
      },
    );

    app.delete(
      `${base}/evidence/:sha256`,
      {
        schema: {
          tags,
          summary: 'Take an evidence file off an indicator, before submitting',
          params: evidenceParams,
          querystring: evidenceQuery,
          response: { 204: z.null(), ...problemResponses(401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        const { setId, agencyId, sha256 } = req.params;
        await removeEvidence(ctx, requireAuth(req).actor, setId, agencyId, req.query.indicator, sha256);
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${base}/submit`,
      {
        schema: {
          tags,
          summary:
            'Submit the self-assessment to the DX office (every indicator scored, required evidence attached)',
          params,
          response: { 200: assessmentSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const { setId, agencyId } = req.params;
        await submitAssessment(database, requireAuth(req).actor, setId, agencyId);
        return view(req, setId, agencyId);
      },
    );

    app.put(
      `${base}/review`,
      {
        schema: {
          tags,
          summary: 'The DX office sets reviewed scores with notes (the reviewed score counts once set)',
          params,
          body: z
            .object({
              scores: z
                .array(
                  z
                    .object({
                      indicatorCode: z.string().min(1).max(40),
                      reviewedScore: score.meta({ description: "null: the agency's own score counts again" }),
                      reviewNote: z.string().max(5000).nullable().optional(),
                    })
                    .strict(),
                )
                .min(1)
                .max(300),
            })
            .strict(),
          response: { 200: assessmentSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const { setId, agencyId } = req.params;
        await saveReview(database, requireAuth(req).actor, setId, agencyId, req.body.scores);
        return view(req, setId, agencyId);
      },
    );

    app.post(
      `${base}/reviewed`,
      {
        schema: {
          tags,
          summary: 'The DX office marks the assessment reviewed: it enters the published ranking',
          params,
          response: { 200: assessmentSchema, ...problemResponses(401, 403, 404, 409) },
        },
      },
      async (req) => {
        const { setId, agencyId } = req.params;
        await markReviewed(database, requireAuth(req).actor, setId, agencyId);
        return view(req, setId, agencyId);
      },
    );
  };
