import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/engine.ts';
import { vietnamIso } from '../../platform/calendar/routes.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { requireAuth } from '../identity/web-session.ts';
import { oneLine } from './contracts.ts';
import {
  addFile,
  type DossierFile,
  listFiles,
  markDigitized,
  readFile,
  removeFile,
  reuseFromWallet,
  wallet,
} from './files.ts';
import { type DossierContext, getDossier } from './service.ts';

const fileSchema = z
  .object({
    id: z.uuid(),
    purpose: z.enum(['component', 'result']),
    componentIndex: z.number().int().nullable(),
    label: z.string().meta({ description: "The component's or result's name" }),
    fileName: z.string(),
    contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    reusedFromId: z.uuid().nullable().meta({ description: 'Taken from the document wallet (once-only)' }),
    uploadedAt: z.string(),
    url: z.string(),
  })
  .meta({ id: 'DossierFile' });

const fileView = (f: DossierFile) => ({
  id: f.id,
  purpose: f.purpose as 'component' | 'result',
  componentIndex: f.componentIndex,
  label: f.label,
  fileName: f.fileName,
  contentType: f.contentType as 'application/pdf',
  sizeBytes: f.sizeBytes,
  sha256: f.sha256,
  reusedFromId: f.reusedFromId,
  uploadedAt: vietnamIso(f.uploadedAt),
  url: `/api/dossiers/${f.dossierId}/files/${f.id}`,
});

/** RFC 6266: an ASCII fallback and the real (Vietnamese) name in UTF-8. */
function contentDisposition(kind: 'inline' | 'attachment', fileName: string) {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

const ids = z.object({ id: z.uuid() });

/** A dossier's files: scans and uploads per component, electronic results, the document wallet. */
export const dossierFileRoutes =
  (database: Database, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx: DossierContext = { database, config };
    // The upload body is the file itself, whatever type the client claims: its bytes decide.
    app.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: (config.FILE_MAX_MB + 1) * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );

    app.post(
      '/api/dossiers/:id/files',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'Upload a file: a document component (scan or upload) or the electronic result',
          description: `The request body is the file's bytes (e.g. \`fetch(url, { method: 'POST', body: file })\`). Only PDF, JPEG and PNG are accepted, recognised by their content: a renamed program is refused (415). At most ${config.FILE_MAX_MB} MB per file and ${config.DOSSIER_FILES_MAX_MB} MB per dossier (413), and ${config.UPLOAD_DAILY_MB_CITIZEN} MB a day per citizen, ${config.UPLOAD_DAILY_MB_OFFICIAL} MB per official (429). The applicant adds components while the dossier is a draft or a supplement is requested; the desk adds scans until processing ends; handlers and leaders add results while it is processed. Nothing is stored unless the caller may add the file now (404 for a dossier they may not see). The name kept is \`fileName\` without any path or control characters, with the extension of what the file really is (a PDF sent as \`x.html\` is kept as \`x.pdf\`).`,
          params: ids,
          querystring: z
            .object({
              purpose: z.enum(['component', 'result']).default('component'),
              component: z.coerce
                .number()
                .int()
                .min(0)
                .max(200)
                .optional()
                .meta({ description: "The component's index in the procedure's document list" }),
              label: oneLine(z.string().max(300)).optional().meta({ description: "A result's name" }),
              fileName: z.string().min(1).max(255),
            })
            .strict()
            .refine((q) => q.purpose !== 'component' || q.component !== undefined, {
              message: 'say which component (its index from 0) the file is for',
              path: ['component'],
            }),
          response: { 201: fileSchema, ...problemResponses(400, 401, 403, 404, 409, 413, 415, 429) },
        },
      },
      async (req, reply) => {
        const auth = requireAuth(req);
        const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const file = await addFile(ctx, auth, req.params.id, { ...req.query, bytes });
        return reply.status(201).send(fileView(file));
      },
    );

    app.get(
      '/api/dossiers/:id/files',
      {
        schema: {
          tags: ['dossiers'],
          summary: "A dossier's files (the applicant sees the result once it is returned)",
          params: ids,
          response: {
            200: z.object({ items: z.array(fileSchema), digitizedAt: z.string().nullable() }),
            ...problemResponses(401, 404),
          },
        },
      },
      async (req) => {
        const auth = requireAuth(req);
        const row = await getDossier(ctx, auth.actor, req.params.id);
        const files = await listFiles(ctx, auth, row);
        return {
          items: files.map(fileView),
          digitizedAt: row.digitizedAt ? vietnamIso(row.digitizedAt) : null,
        };
      },
    );

    app.get(
      '/api/dossiers/:id/files/:fileId',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'Download a file of a dossier',
          params: z.object({ id: z.uuid(), fileId: z.uuid() }),
          querystring: z.object({ download: z.enum(['0', '1']).default('0') }).strict(),
          response: {
            200: z.unknown().meta({ description: 'The file itself (PDF, JPEG or PNG)' }),
            ...problemResponses(401, 404),
          },
        },
      },
      async (req, reply) => {
        const auth = requireAuth(req);
        const row = await getDossier(ctx, auth.actor, req.params.id);
        const { file, bytes } = await readFile(ctx, auth, row, req.params.fileId);
        return reply
          .header('content-type', file.contentType)
          .header(
            'content-disposition',
            contentDisposition(req.query.download === '1' ? 'attachment' : 'inline', file.fileName),
          )
          .header('cache-control', 'private, no-store')
          .send(bytes);
      },
    );

    app.delete(
      '/api/dossiers/:id/files/:fileId',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'Take off a file you added, while the dossier is still being prepared or checked',
          params: z.object({ id: z.uuid(), fileId: z.uuid() }),
          response: { 204: z.null(), ...problemResponses(401, 404, 409) },
        },
      },
      async (req, reply) => {
        await removeFile(ctx, requireAuth(req), req.params.id, req.params.fileId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/dossiers/:id/files/reuse',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'Use an earlier electronic result from the document wallet as a component (once-only)',
          params: ids,
          body: z.object({ component: z.number().int().min(0).max(200), walletFileId: z.uuid() }).strict(),
          response: { 201: fileSchema, ...problemResponses(400, 401, 404, 409) },
        },
      },
      async (req, reply) => {
        const auth = requireAuth(req);
        const file = await reuseFromWallet(
          ctx,
          auth,
          req.params.id,
          req.body.component,
          req.body.walletFileId,
        );
        return reply.status(201).send(fileView(file));
      },
    );

    app.post(
      '/api/dossiers/:id/digitized',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'The desk marks the dossier digitized once every paper component is scanned',
          params: ids,
          response: { 200: z.object({ digitizedAt: z.string() }), ...problemResponses(401, 403, 404, 409) },
        },
      },
      async (req) => {
        const row = await markDigitized(ctx, requireAuth(req), req.params.id);
        return { digitizedAt: vietnamIso(row.digitizedAt!) };
      },
    );

    app.get(
      '/api/dossiers/wallet',
      {
        schema: {
          tags: ['dossiers'],
          summary: "The signed-in person's document wallet (kho giấy tờ): earlier electronic results",
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  file: fileSchema,
                  dossierCode: z.string().nullable(),
                  procedureName: z.object({ vi: z.string(), en: z.string().optional() }),
                }),
              ),
            }),
            ...problemResponses(401),
          },
        },
      },
      async (req) => {
        const auth = requireAuth(req);
        const items = await wallet(ctx, auth.actor.personId);
        return {
          items: items.map((w) => ({
            file: fileView(w.file),
            dossierCode: w.dossierCode,
            procedureName: w.name,
          })),
        };
      },
    );
  };
