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

/**
 * The constraint and data errors of PostgreSQL that a request's values can cause, and the problem
 * each becomes when one reaches the error handler (which only a missing check lets happen).
 */
const LAST_RESORT: Record<string, 'DATA_CONFLICT' | 'DATA_UNKNOWN_REFERENCE' | 'DATA_INVALID'> = {
  '23505': 'DATA_CONFLICT', // unique_violation
  '23503': 'DATA_UNKNOWN_REFERENCE', // foreign_key_violation (DATA_IN_USE when the row is still referenced)
  '23514': 'DATA_INVALID', // check_violation
  '23502': 'DATA_INVALID', // not_null_violation
  '22P02': 'DATA_INVALID', // invalid_text_representation
  '22001': 'DATA_INVALID', // string_data_right_truncation
  '22003': 'DATA_INVALID', // numeric_value_out_of_range
  '22008': 'DATA_INVALID', // datetime_field_overflow
};

/** The codes of the last-resort problems, for tests that treat each as the bug it is. */
export const LAST_RESORT_CODES: readonly string[] = [
  'HTTP.DATA_CONFLICT',
  'HTTP.DATA_IN_USE',
  'HTTP.DATA_UNKNOWN_REFERENCE',
  'HTTP.DATA_INVALID',
];

type PgError = {
  code: string;
  message?: string;
  detail?: string;
  constraint?: string;
  table?: string;
  column?: string;
};

/** The PostgreSQL error behind a thrown one: itself, or the cause Drizzle wraps it in. */
function databaseErrorOf(error: unknown): PgError | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return e as PgError;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

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
  const database = databaseErrorOf(error);
  const sqlState = database?.code;
  const lastResort = sqlState ? LAST_RESORT[sqlState] : undefined;
  if (database && sqlState && lastResort) {
    // A bug: the request should have been checked before it reached the database. The log names
    // the constraint and the statement, never the values (they may be personal data): PostgreSQL's
    // message quotes the value for a data exception (class 22), and its detail always does.
    req.log.error(
      {
        bug: 'database-constraint',
        sqlState,
        constraint: database.constraint,
        table: database.table,
        column: database.column,
        dbMessage: sqlState.startsWith('23') ? database.message : undefined,
        query: (error as { query?: unknown }).query,
        route: req.routeOptions?.url,
        method: req.method,
      },
      'bug: a database constraint error reached the error handler; check the value before writing (issue 25, finding 5)',
    );
    // A foreign key broken by a delete (or a change of key) is a record in use, not an unknown one.
    const inUse =
      sqlState === '23503' &&
      (/still referenced/i.test(database.detail ?? '') ||
        /^update or delete on/i.test(database.message ?? ''));
    return HttpErrors.create(inUse ? 'DATA_IN_USE' : lastResort);
  }
  // Any other PostgreSQL "data exception" (class 22): input the database cannot hold, e.g. a NUL character.
  if (typeof sqlState === 'string' && sqlState.startsWith('22')) {
    return HttpErrors.create('BAD_REQUEST', {
      vi: 'Dữ liệu chứa ký tự hoặc giá trị không lưu trữ được.',
      en: 'The request holds characters or values that cannot be stored.',
    });
  }
  req.log.error({ err: error }, 'unhandled error');
  return HttpErrors.create('INTERNAL');
}
