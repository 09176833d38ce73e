import type { TFunction } from 'i18next';
import { formatNumber } from '../../ui/localized';
import type { Duration } from './api';

/** `{ value: 5, unit: 'working_days' }` → "5 ngày làm việc" / "5 working days". */
export function formatDuration(t: TFunction<'catalog'>, duration: Duration, language: string): string {
  return t(`duration.${duration.unit}`, {
    count: duration.value,
    value: formatNumber(duration.value, language),
  });
}

// The national catalogue's free text sometimes holds only a bare number whose unit is lost ("1"),
// or says it has nothing: neither tells a citizen anything.
const meaningless = /^\s*(\d+([.,]\d+)?|không có thông tin)?\s*$/i;

/** The processing time as a person reads it, or null when the catalogue does not publish one. */
export function processingTime(
  t: TFunction<'catalog'>,
  procedure: { processingTime: Duration | null; processingTimeText: string | null },
  language: string,
): string | null {
  if (procedure.processingTime) return formatDuration(t, procedure.processingTime, language);
  const text = procedure.processingTimeText;
  return text && !meaningless.test(text) ? text : null;
}

/** 50000 → "50.000 đồng" / "50,000 VND". */
export function formatVnd(t: TFunction<'catalog'>, amount: number, language: string): string {
  return t('money', { amount: formatNumber(amount, language) });
}

/** "Thủ tục đăng ký khai sinh" → "Đăng ký khai sinh": shorter on a tile, same meaning. */
export function shortName(name: string): string {
  const rest = name.replace(/^thủ tục\s+/i, '');
  return rest === name || rest.length === 0 ? name : rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1);
}
