import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/engine.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { requireAuth } from '../identity/web-session.ts';
import { FORM_NUMBERS, renderDossierForm } from './forms/index.ts';
import { type DossierContext, getDossier } from './service.ts';

/** The one-stop forms of a dossier (receipt, supplement request, refusal, apology, stop) as PDFs. */
export const dossierFormRoutes =
  (database: Database, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx: DossierContext = { database, config };

    app.get(
      '/api/dossiers/:id/forms/:form',
      {
        schema: {
          tags: ['dossiers'],
          summary:
            'A one-stop form of the dossier as a PDF: 01 receipt and appointment, 02 supplement request, 03 refusal to receive, 04 apology and new date, 05 request/notice to stop processing',
          description:
            'Circular 01/2018/TT-VPCP forms (Circular 03/2025), made from the dossier and the step that issued the form (the latest one, if issued more than once). Form 01 exists once the dossier is received (it has a code); forms 02–05 once a step issued them, else 409. Anyone who may view the dossier may download them.',
          params: z.object({ id: z.uuid(), form: z.enum(FORM_NUMBERS) }),
          response: {
            200: z.unknown().meta({ description: 'The form (application/pdf)' }),
            ...problemResponses(400, 401, 404, 409),
          },
        },
      },
      async (req, reply) => {
        const { actor } = requireAuth(req);
        const row = await getDossier(ctx, actor, req.params.id);
        const { bytes, fileName } = await renderDossierForm(ctx, row, req.params.form);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename="${fileName}"`)
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      },
    );
  };
