// Small text helpers for the National Public Service Portal's flattened tables.

/** Values the portal prints for an empty cell. */
const NO_INFO = /^(không có thông tin|không có|không|chưa có thông tin)\.?$/i;

/** Collapses runs of whitespace and trims. */
export function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The cleaned text, or null when the portal says there is nothing ("Không có thông tin", "Không", empty). */
export function orNull(text: string | undefined): string | null {
  if (text === undefined) return null;
  const t = clean(text);
  return t === '' || NO_INFO.test(t) ? null : t;
}

/**
 * A money amount as printed by the portal or in Vietnamese prose: "8.000", "1.500.000" and "2,500,000" are
 * thousands-grouped; a plain run of digits is taken as is. Anything else (decimals, odd grouping like
 * "1100,000") gives null: an amount is never guessed.
 */
export function parseAmount(text: string): number | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (/^\d{1,3}(\.\d{3})+$/.test(t) || /^\d{1,3}(,\d{3})+$/.test(t)) return Number(t.replace(/[.,]/g, ''));
  return null;
}

/** A quantity such as a duration: "3", "0,5" and "1.5" are decimals (durations never need thousands). */
export function parseDecimal(text: string): number | null {
  const t = text.trim();
  if (!/^\d+([.,]\d+)?$/.test(t)) return null;
  return Number(t.replace(',', '.'));
}

/**
 * When `text` starts with "(", the index just past its matching ")" (nested parentheses allowed); -1 when
 * the parenthesis is never closed; 0 when `text` does not start with "(".
 */
export function closingParen(text: string): number {
  if (!text.startsWith('(')) return 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** Shortens long text for a label or a problem message. */
export function excerpt(text: string, max = 120): string {
  const t = clean(text);
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** Splits a comma-separated list, keeping commas that sit inside parentheses ("Tổ chức (không bao gồm doanh nghiệp, HTX)"). */
export function splitTopLevel(text: string, separator = ','): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === separator && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map(clean).filter((p) => p !== '');
}
