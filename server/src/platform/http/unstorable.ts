import type { FieldError } from '../errors.ts';

/**
 * Text no PostgreSQL column holds: a NUL character (refused by `text`, and by `jsonb` as
 * `\u0000`), and a lone UTF-16 surrogate (`"\ud800"` is valid JSON but not Unicode: `jsonb` refuses
 * it, UTF-8 cannot encode it). Found in a request before any route reads it, it is the client's
 * mistake, named by its field, rather than a failed statement deep in whichever module stores it.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

const MESSAGE = {
  vi: 'Không được chứa ký tự NUL hoặc ký tự Unicode không hợp lệ (nửa cặp UTF-16).',
  en: 'must not contain a NUL character or invalid Unicode (a lone UTF-16 surrogate).',
};

/**
 * The first field of a parsed request part (`where`: `body`) whose text or key holds
 * something no column can store, or null. Walks at most `budget` values: a body is bounded by the
 * body limit, and nesting deeper than `maxDepth` is left to the route's own schema to refuse.
 */
export function unstorableField(value: unknown, where: string, maxDepth = 64): FieldError | null {
  let budget = 200_000;
  const walk = (v: unknown, path: string, depth: number): FieldError | null => {
    if (--budget < 0 || depth > maxDepth) return null;
    if (typeof v === 'string') return unstorable(v) ? { field: path, ...MESSAGE } : null;
    // A file's bytes (an upload) are not text.
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) return null;
    if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) {
        const found = walk(item, `${path}.${i}`, depth + 1);
        if (found) return found;
      }
      return null;
    }
    for (const [key, item] of Object.entries(v)) {
      if (unstorable(key)) return { field: path, ...MESSAGE };
      const found = walk(item, `${path}.${key}`, depth + 1);
      if (found) return found;
    }
    return null;
  };
  return walk(value, where, 0);
}
