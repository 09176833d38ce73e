/**
 * Characters a person's name (or any one-line label) must not hold. A tab or a newline breaks the
 * forms and registers a name is printed on; a bidirectional override (U+202E …) makes a text read
 * differently from what is stored (a file "hóa<U+202E>fdp.exe" shows as "hóaexe.pdf"), the classic
 * spoofing trick; the other control and format characters are invisible. Longer texts (a reason, a
 * note) may hold line breaks and tabs, never the rest.
 */

export type UnsafeText = 'control' | 'bidi';

/** C0 controls, DEL and C1 controls. */
const isControl = (c: number) => c <= 0x1f || (c >= 0x7f && c <= 0x9f);
const isLineOrTab = (c: number) => c === 0x09 || c === 0x0a || c === 0x0d;
/**
 * Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the marks ALM, LRM and
 * RLM, line and paragraph separators, and a zero-width no-break space (BOM) inside a text.
 */
const isBidiOrInvisible = (c: number) =>
  c === 0x061c ||
  c === 0x200e ||
  c === 0x200f ||
  c === 0x2028 ||
  c === 0x2029 ||
  (c >= 0x202a && c <= 0x202e) ||
  (c >= 0x2066 && c <= 0x2069) ||
  c === 0xfeff;

function unsafe(text: string, allowLines: boolean): UnsafeText | null {
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (isControl(c) && !(allowLines && isLineOrTab(c))) return 'control';
    if (isBidiOrInvisible(c)) return 'bidi';
  }
  return null;
}

/** What makes `text` unsafe as a one-line name or label, or null if it is fine. */
export const unsafeInLine = (text: string): UnsafeText | null => unsafe(text, false);

/** The same for a multi-line text: line breaks and tabs are allowed there. */
export const unsafeInText = (text: string): UnsafeText | null => unsafe(text, true);

export const UNSAFE_TEXT_MESSAGES: Record<UnsafeText, { vi: string; en: string }> = {
  control: {
    vi: 'không được chứa ký tự điều khiển (tab, xuống dòng…).',
    en: 'must not contain control characters (tab, newline…).',
  },
  bidi: {
    vi: 'không được chứa ký tự đảo chiều hiển thị hoặc ký tự ẩn (U+202E…).',
    en: 'must not contain text-direction overrides or invisible characters (U+202E…).',
  },
};

/**
 * A file name as a person gave it, made safe to keep and to send back in a header: the last path
 * segment only, no control, bidi or invisible characters, no characters Windows refuses, trimmed of
 * dots and spaces, at most `max` characters; `fallback` when nothing is left.
 */
export function cleanFileName(name: string, fallback: string, max = 200): string {
  const last = name.split(/[/\\]/).pop() ?? '';
  const visible = [...last.normalize('NFC')]
    .map((ch) => {
      const c = ch.codePointAt(0)!;
      return isControl(c) ? ' ' : isBidiOrInvisible(c) ? '' : ch;
    })
    .join('');
  const cleaned = visible
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  return [...cleaned].slice(0, max).join('').trim() || fallback;
}

/**
 * `name` with the extension its content really has: `x.html` holding a PDF is kept as `x.pdf`,
 * `scan` as `scan.pdf`, and `Scan.JPEG` stays as it is.
 */
export function withExtension(name: string, extension: string, aliases: readonly string[] = []): string {
  const dot = name.lastIndexOf('.');
  const current = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (current === extension || aliases.includes(current)) return name;
  // A short tail after the dot is an extension to replace; a long one is part of the name.
  const base = dot > 0 && /^[a-z0-9]{1,5}$/i.test(name.slice(dot + 1)) ? name.slice(0, dot) : name;
  return `${base}.${extension}`;
}
