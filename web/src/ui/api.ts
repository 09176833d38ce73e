import type { Localized } from './localized';

/** A failed API call: `status` is the HTTP status, or 0 when the server could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  /** The `detail` of the server's RFC 9457 problem+json answer (Vietnamese, and English in `en`). */
  readonly detail: Localized | undefined;
  /** The problem's `code`, e.g. `DOSSIER.FORM_INVALID`. */
  readonly code: string | undefined;
  /** What is wrong with each field (`formData.child.fullName`, `body.email`), to show next to it. */
  readonly fieldErrors: FieldError[];

  constructor(
    status: number,
    message: string,
    detail?: Localized,
    code?: string,
    fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.detail = detail;
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  /** The message for one field in the person's language (`taxCode` or `body.taxCode`). */
  fieldMessage(field: string, language: string): string | undefined {
    // Validation names a field `body.taxCode`, a domain rule `taxCode`: either matches.
    const bare = (name: string) => name.replace(/^(body|query|params)\./, '');
    const e = this.fieldErrors.find((f) => bare(f.field) === bare(field));
    return e ? (language === 'en' ? e.en : e.vi) : undefined;
  }
}

export type FieldError = { field: string; vi: string; en: string };

export interface GetJsonOptions {
  signal?: AbortSignal;
  /** Sent as Accept-Language so the server can word its messages in the person's language. */
  language?: string;
  /** Skip the HTTP cache, e.g. when the person asks to try again. */
  revalidate?: boolean;
}

export type UnsafeMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface SendJsonOptions {
  signal?: AbortSignal;
  language?: string;
  /** Extra headers, e.g. `Idempotency-Key` so a retried submission never makes a second dossier. */
  headers?: Record<string, string>;
}

/** The cookie the server sets beside the (httpOnly) session cookie, for the double-submit CSRF check. */
export const CSRF_COOKIE = 'cqs_csrf';
const CSRF_HEADER = 'x-csrf-token';

/** A cookie this page may read (not httpOnly), or undefined. */
export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** The anti-forgery token of the signed-in session; it also tells that a session cookie is there. */
export function csrfToken(): string | undefined {
  return readCookie(CSRF_COOKIE) || undefined;
}

/**
 * Answers the server wrote into the page itself (`<script id="cqs-boot">`: GET /api/site on every
 * page, a procedure on its page, a search's first results), so the first screen needs no round
 * trip. Reading one changes nothing (React may render a page and throw the render away); the page
 * that showed it then calls `forgetBootData`, so later visits to the same address ask the network.
 */
let boot: Record<string, unknown> | null = null;
function bootData(): Record<string, unknown> {
  if (boot === null) {
    try {
      boot = JSON.parse(document.getElementById('cqs-boot')?.textContent || '{}') as Record<string, unknown>;
    } catch {
      boot = {};
    }
  }
  return boot;
}

export function readBootData<T>(path: string): T | undefined {
  const data = bootData();
  return path in data ? (data[path] as T) : undefined;
}

export function forgetBootData(path: string): void {
  delete bootData()[path];
}

export async function getJson<T>(path: string, options: GetJsonOptions = {}): Promise<T> {
  return (await request(path, {
    method: 'GET',
    signal: options.signal,
    language: options.language,
    cache: options.revalidate ? 'no-cache' : 'default',
  })) as T;
}

/**
 * A state-changing call. It always carries the session's CSRF token, which the server demands of
 * every POST/PUT/PATCH/DELETE made with the session cookie. Answers the JSON body, or undefined
 * for an empty one (204).
 */
export async function sendJson<T = undefined>(
  method: UnsafeMethod,
  path: string,
  body?: unknown,
  options: SendJsonOptions = {},
): Promise<T> {
  return (await request(path, {
    method,
    body,
    signal: options.signal,
    language: options.language,
    headers: options.headers,
  })) as T;
}

/** Uploads a file as the request body (its bytes; the server reads the type from them). */
export async function sendFile<T>(path: string, file: Blob, options: SendJsonOptions = {}): Promise<T> {
  return (await request(path, {
    method: 'POST',
    raw: file,
    signal: options.signal,
    language: options.language,
    headers: options.headers,
  })) as T;
}

interface RequestSpec {
  method: 'GET' | UnsafeMethod;
  body?: unknown;
  /** A body sent as it is (a file), instead of `body` as JSON. */
  raw?: Blob;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  language?: string;
  cache?: RequestCache;
}

async function request(path: string, spec: RequestSpec): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json', ...spec.headers };
  if (spec.language) headers['Accept-Language'] = spec.language;
  if (spec.method !== 'GET') {
    const token = csrfToken();
    if (token) headers[CSRF_HEADER] = token;
    if (spec.raw) headers['Content-Type'] = spec.raw.type || 'application/octet-stream';
    else if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method: spec.method,
      headers,
      body: spec.raw ?? (spec.body === undefined ? undefined : JSON.stringify(spec.body)),
      signal: spec.signal,
      cache: spec.cache ?? 'no-store',
      credentials: 'same-origin',
    });
  } catch (error) {
    if (spec.signal?.aborted) throw error;
    throw new ApiError(0, `Network error calling ${spec.method} ${path}`);
  }
  if (!response.ok) {
    let problem: unknown;
    try {
      problem = await response.json();
    } catch {
      // Not JSON: the status alone tells what happened.
    }
    const { code, errors } = (problem ?? {}) as { code?: unknown; errors?: unknown };
    throw new ApiError(
      response.status,
      `HTTP ${response.status} calling ${spec.method} ${path}`,
      problemDetail(problem),
      typeof code === 'string' ? code : undefined,
      Array.isArray(errors) ? (errors as FieldError[]) : [],
    );
  }
  if (response.status === 204) return undefined;
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

/** `{ detail, en: { detail } }` of the server's problem+json, when the body has that shape. */
function problemDetail(body: unknown): Localized | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const { detail, en } = body as { detail?: unknown; en?: { detail?: unknown } };
  if (typeof detail !== 'string') return undefined;
  return { vi: detail, en: typeof en?.detail === 'string' ? en.detail : undefined };
}
