/** How dates, times and periods are written on Vietnamese administrative forms (always Vietnam time). */
import type { LegalDuration } from '../../../platform/calendar/index.ts';
import { MS_PER_HOUR } from '../../../platform/calendar/index.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const local = (instant: Date) => new Date(instant.getTime() + 7 * MS_PER_HOUR); // UTC+7, no DST

/** 01/12/2026 */
export function formDate(instant: Date): string {
  const d = local(instant);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** 16 giờ 00 phút, ngày 01/12/2026 */
export function formDateTime(instant: Date): string {
  const d = local(instant);
  return `${pad(d.getUTCHours())} giờ ${pad(d.getUTCMinutes())} phút, ngày ${formDate(instant)}`;
}

/**
 * The place-and-date line, "Tuyên Quang, ngày 24 tháng 11 năm 2026". Decree 30/2020 writes days
 * below 10 and the months January and February with a leading zero ("ngày 05 tháng 02").
 */
export function placeAndDate(place: string, instant: Date): string {
  const d = local(instant);
  const month = d.getUTCMonth() + 1;
  return `${place}, ngày ${pad(d.getUTCDate())} tháng ${month < 3 ? pad(month) : month} năm ${d.getUTCFullYear()}`;
}

const UNITS: Record<LegalDuration['unit'], string> = {
  working_days: 'ngày làm việc',
  working_hours: 'giờ làm việc',
  calendar_days: 'ngày',
  months: 'tháng',
};

/** 05 ngày làm việc */
export function durationText(d: LegalDuration): string {
  return `${Number.isInteger(d.value) && d.value < 10 ? pad(d.value) : d.value} ${UNITS[d.unit]}`;
}

/** An instant kept in an event's JSON data (an ISO string), or null when absent or invalid. */
export function instantOf(value: unknown): Date | null {
  if (typeof value !== 'string' && !(value instanceof Date)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export const CHANNEL_TEXT: Readonly<Record<string, string>> = {
  direct: 'nộp trực tiếp tại Bộ phận Một cửa',
  online: 'nộp trực tuyến',
  postal: 'gửi qua dịch vụ bưu chính công ích',
};
