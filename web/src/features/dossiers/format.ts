import { formatNumber } from '../../ui/localized';

// How the citizen's pages write times, dates and sizes: as Vietnamese people write them.

const pad = (n: number) => String(n).padStart(2, '0');
const HOUR = 3_600_000;

/**
 * Any instant (`…+07:00` from the API, or `…Z` inside event data) in Vietnam time:
 * `16:00 ngày 01/12/2026`, or `01/12/2026 16:00` in English.
 */
export function vnDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const local = new Date(ms + 7 * HOUR);
  const date = `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  return language === 'en' ? `${date} ${time}` : `${time} ngày ${date}`;
}

/** `2026-05-12` → `12/05/2026`; `2015-09` → `09/2015`; anything else as it is. */
export function vnDate(value: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) return `${month[2]}/${month[1]}`;
  return value;
}

/** 12 345 bytes → "12 KB"; 1 234 567 → "1,2 MB" (Vietnamese decimal comma). */
export function fileSize(bytes: number, language: string): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / 1024 / 1024;
  return `${formatNumber(mb, language, 1)} MB`;
}

/**
 * A random key for `Idempotency-Key`. `crypto.getRandomValues` works on plain http too, where
 * `crypto.randomUUID` does not exist.
 */
export function randomKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Lower case without Vietnamese diacritics, so "tan trao" finds "Tân Trào". */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}
