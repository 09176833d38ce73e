import { ApiError } from '../../ui/api';
import { pickLocalized } from '../../ui/localized';

/** Anything a request threw, as an ApiError (a network failure has status 0). */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, String(error));
}

/**
 * The server's message for a field, in the person's language. Request validation names fields
 * `body.email`, the services' own checks `email`: both are looked up.
 */
export function fieldMessage(error: ApiError | null, language: string, name: string): string | undefined {
  if (!error) return undefined;
  return error.fieldMessage(`body.${name}`, language) ?? error.fieldMessage(name, language);
}

/** The field errors whose name starts with `prefix` (`body.eform`, `line `), with their message. */
export function fieldMessagesUnder(
  error: ApiError | null,
  language: string,
  prefix: string,
): { field: string; message: string }[] {
  if (!error) return [];
  return error.fieldErrors
    .filter((f) => f.field.startsWith(prefix))
    .map((f) => ({ field: f.field, message: language === 'en' ? f.en : f.vi }));
}

/** The problem's own words when there are some; else the caller's generic sentence. */
export function problemText(error: ApiError, language: string, fallback: string): string {
  return error.detail ? pickLocalized(error.detail, language) : fallback;
}
