import type { TFunction } from 'i18next';
import { formatNumber } from '../../../ui/localized';

// Numbers as Vietnamese offices read them: 42.540; 60,52%.

/** A share 0–1 → "60,52%"; "—" when there is nothing to divide. */
export function formatRate(rate: number | null | undefined, language: string, t: TFunction<'statistics'>) {
  if (rate === null || rate === undefined) return t('common.dash');
  return t('common.percent', { value: formatNumber(rate * 100, language, 2) });
}

/** `2026-03-31` or an instant → "31/03/2026". */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
