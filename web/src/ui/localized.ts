/** A text a province may keep in two languages; Vietnamese is always there. */
export interface Localized {
  vi: string;
  en?: string | null;
}

export function pickLocalized(value: Localized, language: string): string {
  return language === 'en' && value.en ? value.en : value.vi;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** 1234 → "1.234" in Vietnamese, "1,234" in English. */
export function formatNumber(value: number, language: string): string {
  const locale = language === 'en' ? 'en-US' : 'vi-VN';
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(value);
}
