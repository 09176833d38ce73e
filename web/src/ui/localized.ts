/** A text a province may keep in two languages; Vietnamese is always there. */
export interface Localized {
  vi: string;
  en?: string | null;
}

export function pickLocalized(value: Localized, language: string): string {
  return language === 'en' && value.en ? value.en : value.vi;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * 1234 → "1.234" in Vietnamese, "1,234" in English; with `digits`, up to that many decimals
 * (7.25 → "7,25" / "7.25"). The one number formatter of the app (formats are cached).
 */
export function formatNumber(value: number, language: string, digits = 0): string {
  const locale = language === 'en' ? 'en-US' : 'vi-VN';
  const id = `${locale}/${digits}`;
  let format = numberFormats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
    numberFormats.set(id, format);
  }
  return format.format(value);
}
