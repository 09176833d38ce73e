import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, HttpErrors } from '../errors.ts';
import { fieldErrorsFromValidation } from './validation-messages.ts';

/**
 * RFC 9457 problem details. `title` and `detail` are Vietnamese (the UI's first language);
 * `en` carries the English pair; `errors` names each bad field.
 */
export const problemSchema = z
  .object({
    type: z.string(),
    status: z.number().int(),
    code: z.string().meta({ example: 'HTTP.VALIDATION' }),
    title: z.string(),
    detail: z.string(),
    en: z.object({ title: z.string(), detail: z.string() }),
    errors: z.array(z.object({ field: z.string(), vi: z.string(), en: z.string() })),
    instance: z.string(),
    requestId: z.string(),
  })
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;

/** Response schemas for the error statuses a route can answer, for OpenAPI. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, problemSchema])) as Record<number, typeof problemSchema>;
}

export function problemOf(error: DomainError, req: FastifyRequest): Problem {
  return {
    type: `urn:cqs:problem:${error.code}`,
    status: error.status,
    code: error.code,
    title: error.spec.vi,
    detail: error.detail?.vi ?? error.spec.vi,
    en: { title: error.spec.en, detail: error.detail?.en ?? error.spec.en },
    errors: error.fieldErrors,
    instance: req.url.length > 512 ? `${req.url.slice(0, 512)}…` : req.url,
    requestId: String(req.id),
  };
}

export function sendProblem(reply: FastifyReply, error: DomainError): FastifyReply {
  return reply
    .status(error.status)
    .type('application/problem+json; charset=utf-8')
    .send(JSON.stringify(problemOf(error, reply.request)));
}

// Fastify's own client-error codes, each with the bilingual error a person should read.
const FRAMEWORK_CODES: Record<string, keyof typeof HttpErrors.specs> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'EMPTY_JSON_BODY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_BAD_URL: 'BAD_REQUEST',
};

const byStatus: Record<number, keyof typeof HttpErrors.specs> = {
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  431: 'HEADER_TOO_LARGE',
};

/** Maps anything thrown in a request to a DomainError; unknown errors become HTTP.INTERNAL (500). */
export function toDomainError(error: FastifyError | Error, req: FastifyRequest): DomainError {
  if (error instanceof DomainError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fieldErrors = fieldErrorsFromValidation(
      error.validation as never,
      (error as FastifyError).validationContext,
    );
    return HttpErrors.create(
      'VALIDATION',
      {
        vi: fieldErrors.map((f) => `${f.field}: ${f.vi}`).join(' '),
        en: fieldErrors.map((f) => `${f.field}: ${f.en}`).join(' '),
      },
      fieldErrors,
    );
  }
  const fe = error as FastifyError;
  const code = fe.code ? FRAMEWORK_CODES[fe.code] : undefined;
  if (code) return HttpErrors.create(code);
  if (error instanceof SyntaxError && fe.statusCode === 400) return HttpErrors.create('MALFORMED_JSON');
  const status = fe.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const known = byStatus[status];
    if (known) return HttpErrors.create(known);
    // Another client error from a plugin: keep its status, explain it in both languages.
    return new DomainError(`HTTP.${status}`, {
      status,
      vi: 'Yêu cầu không hợp lệ.',
      en: fe.message || 'Bad request.',
    });
  }
  // PostgreSQL "data exception" (class 22): input the database cannot hold, e.g. a NUL character.
  const sqlState =
    (error as { cause?: { code?: unknown } }).cause?.code ?? (error as { code?: unknown }).code;
  if (typeof sqlState === 'string' && sqlState.startsWith('22')) {
    return HttpErrors.create('BAD_REQUEST', {
      vi: 'Dữ liệu chứa ký tự hoặc giá trị không lưu trữ được.',
      en: 'The request holds characters or values that cannot be stored.',
    });
  }
  req.log.error({ err: error }, 'unhandled error');
  return HttpErrors.create('INTERNAL');
}
