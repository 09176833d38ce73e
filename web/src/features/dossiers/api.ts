import type { Localized } from '../../ui/localized';

/** `GET /api/dossiers/track`: what anyone with the code and the phone or CCCD may see. */
export interface TrackedDossier {
  code: string;
  procedureName: Localized;
  status: string;
  statusLabel: { vi: string; en: string };
  receivedAt: string | null;
  dueAt: string | null;
  steps: { type: string; status: string; at: string }[];
}

/** A dossier code as the receipt prints it: `<agency code>-<YYMMDD>-<NNNN>`. */
export const TRACK_CODE = /^[0-9A-Z.]{3,35}-\d{6}-\d{4}$/;
/** What was given when filing: a phone number (0 and 9–10 digits) or a 12-digit CCCD. */
export const TRACK_SECRET = /^(0\d{9,10}|\d{12})$/;

export interface TrackQuery {
  code: string;
  secret: string;
}

/** What the person typed, as the checks and the API want it: the code in capitals, no spaces in the secret. */
export function normaliseTrack(code: string, secret: string): TrackQuery {
  return { code: code.trim().toUpperCase(), secret: secret.replace(/\s+/g, '') };
}

/** The public tracking page, opened on a dossier code. */
export const trackHref = (code: string) => `/tra-cuu?ma=${encodeURIComponent(code)}`;

/** The query of the tracking API: a 12-digit secret is a CCCD, anything else a phone number. */
export function trackPath(code: string, secret: string): string {
  const s = secret.replace(/\s+/g, '');
  const key = /^\d{12}$/.test(s) ? 'cccd' : 'phone';
  return `/api/dossiers/track?code=${encodeURIComponent(code.trim())}&${key}=${encodeURIComponent(s)}`;
}

/** `2026-12-01T16:00:00+07:00` → `16:00 ngày 01/12/2026` (Vietnam time, as the receipt prints it). */
export function vietnamDateTime(iso: string, language: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d, h, mi] = m;
  return language.startsWith('en') ? `${d}/${mo}/${y} ${h}:${mi}` : `${h}:${mi} ngày ${d}/${mo}/${y}`;
}
