import { formatNumber } from '../../ui/localized';

const VIETNAM = 'Asia/Ho_Chi_Minh';
const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant (ISO, any offset: the admin APIs answer in UTC) as Vietnamese people write it, in
 * Vietnam's time: "16:05 ngày 01/12/2026" ("01/12/2026 16:05" in English).
 */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    dateTimeParts.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  const day = `${part('day')}/${part('month')}/${part('year')}`;
  const time = `${part('hour')}:${part('minute')}`;
  return language === 'en' ? `${day} ${time}` : `${time} ngày ${day}`;
}

const VI_WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The day of the week of a calendar date (0 = Sunday), or -1 when it is not YYYY-MM-DD. */
export function weekday(ymd: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return -1;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
}

/** "2027-02-20" → "Thứ Bảy" ("Saturday"); empty when the date is not YYYY-MM-DD. */
export function weekdayName(ymd: string, language: string): string {
  return (language === 'en' ? EN_WEEKDAYS : VI_WEEKDAYS)[weekday(ymd)] ?? '';
}

/** "2027-02-20" → "Thứ Bảy, 20/02/2027" ("Saturday, 20/02/2027"). */
export function formatDay(ymd: string, language: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return ymd;
  return `${weekdayName(ymd, language)}, ${m[3]}/${m[2]}/${m[1]}`;
}

/** 50000 → "50.000 đồng" ("50,000 VND"). */
export function formatVnd(amount: number, language: string): string {
  return `${formatNumber(amount, language)} ${language === 'en' ? 'VND' : 'đồng'}`;
}

/** Lower case without diacritics ("Sở Tư pháp" → "so tu phap"), to match what people type. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}
