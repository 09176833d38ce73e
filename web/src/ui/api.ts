import type { Localized } from './localized';

/** A failed API call: `status` is the HTTP status, or 0 when the server could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  /** The `detail` of the server's RFC 9457 problem+json answer (Vietnamese, and English in `en`). */
  readonly detail: Localized | undefined;

  constructor(status: number, message: string, detail?: Localized) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.detail = detail;
  }
}

export interface GetJsonOptions {
  signal?: AbortSignal;
  /** Sent as Accept-Language so the server can word its messages in the person's language. */
  language?: string;
  /** Skip the HTTP cache, e.g. when the person asks to try again. */
  revalidate?: boolean;
}

export async function getJson<T>(path: string, options: GetJsonOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.language) headers['Accept-Language'] = options.language;
  let response: Response;
  try {
    response = await fetch(path, {
      headers,
      signal: options.signal,
      cache: options.revalidate ? 'no-cache' : 'default',
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, `Network error calling ${path}`);
  }
  if (!response.ok) {
    let detail: Localized | undefined;
    try {
      detail = problemDetail(await response.json());
    } catch {
      // Not JSON: the status alone tells what happened.
    }
    throw new ApiError(response.status, `HTTP ${response.status} calling ${path}`, detail);
  }
  return (await response.json()) as T;
}

/** `{ detail, en: { detail } }` of the server's problem+json, when the body has that shape. */
function problemDetail(body: unknown): Localized | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const { detail, en } = body as { detail?: unknown; en?: { detail?: unknown } };
  if (typeof detail !== 'string') return undefined;
  return { vi: detail, en: typeof en?.detail === 'string' ? en.detail : undefined };
}
