import { ApiError } from '../../ui/api';
import { pickLocalized } from '../../ui/localized';

// Words and dates as the workspace shows them, and the server's messages about failed calls.

/** Lower case without Vietnamese diacritics: "Xã Tân Trào" → "xa tan trao", for matching as people type. */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

const timeZone = 'Asia/Ho_Chi_Minh';

function vietnamParts(iso: string) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { y: get('year'), mo: get('month'), d: get('day'), h: get('hour'), mi: get('minute') };
}

/**
 * Any instant (`…+07:00` from the API, or UTC `…Z` inside event data) as read in Vietnam:
 * "16:00 ngày 01/12/2026", in English "01/12/2026 16:00".
 */
export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  const p = vietnamParts(iso);
  if (!p) return iso;
  return language === 'en'
    ? `${p.d}/${p.mo}/${p.y} ${p.h}:${p.mi}`
    : `${p.h}:${p.mi} ngày ${p.d}/${p.mo}/${p.y}`;
}

/** "01/12/2026" (Vietnam date) of an instant, or a calendar date `2026-12-01` as it is. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (plain) return `${plain[3]}/${plain[2]}/${plain[1]}`;
  const p = vietnamParts(iso);
  return p ? `${p.d}/${p.mo}/${p.y}` : iso;
}

/** The date and time parts of an instant in Vietnam, for `<input type="date">` and `type="time"`. */
export function vietnamInputParts(iso: string): { date: string; time: string } {
  const p = vietnamParts(iso);
  return p ? { date: `${p.y}-${p.mo}-${p.d}`, time: `${p.h}:${p.mi}` } : { date: '', time: '' };
}

/** The server's message about a failed call in the person's language, or `fallback`. */
export function errorText(error: unknown, language: string, fallback: string): string {
  if (error instanceof ApiError) {
    if (error.detail) return pickLocalized(error.detail, language);
    if (error.status === 0) return fallback;
  }
  return fallback;
}

/** The message for the first of `fields` the server complained about. */
export function fieldError(error: unknown, language: string, ...fields: string[]): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  for (const f of fields) {
    const m = error.fieldMessage(f, language);
    if (m) return m;
  }
  return undefined;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
