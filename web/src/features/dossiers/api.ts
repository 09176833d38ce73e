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
