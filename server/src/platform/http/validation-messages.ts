import type { FieldError } from '../errors.ts';

/** The part of a zod issue we read (as passed through fastify-type-provider-zod). */
type Issue = { keyword: string; instancePath: string; message: string; params: Record<string, unknown> };

const list = (v: unknown) => (Array.isArray(v) ? v.map((x) => JSON.stringify(x)).join(', ') : String(v));

/** A Vietnamese sentence for a zod issue; English comes from zod's own message. */
function vietnamese(issue: Issue): string {
  const p = issue.params;
  switch (issue.keyword) {
    case 'invalid_type':
      return p.input === undefined
        ? 'Trường này là bắt buộc.'
        : `Sai kiểu dữ liệu; cần ${String(p.expected)}.`;
    case 'invalid_value':
      return `Giá trị không hợp lệ; chỉ chấp nhận: ${list(p.values)}.`;
    case 'too_small':
      return p.origin === 'string'
        ? `Quá ngắn; tối thiểu ${String(p.minimum)} ký tự.`
        : `Quá nhỏ; tối thiểu ${String(p.minimum)}.`;
    case 'too_big':
      return p.origin === 'string'
        ? `Quá dài; tối đa ${String(p.maximum)} ký tự.`
        : `Quá lớn; tối đa ${String(p.maximum)}.`;
    case 'invalid_format':
      return `Sai định dạng (${String(p.format)}).`;
    case 'unrecognized_keys':
      return `Trường không được phép: ${list(p.keys)}.`;
    case 'custom': {
      // A refinement may carry its own Vietnamese sentence (`params: { vi }`).
      const vi = (p.params as { vi?: unknown } | undefined)?.vi;
      return typeof vi === 'string' ? vi : 'Giá trị không hợp lệ.';
    }
    default:
      return 'Giá trị không hợp lệ.';
  }
}

/** Turns validation issues into field errors named like `query.level` or `body.name`. */
export function fieldErrorsFromValidation(issues: Issue[], context: string | undefined): FieldError[] {
  const where = context === 'querystring' ? 'query' : (context ?? 'body');
  return issues.map((issue) => {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    return { field: path ? `${where}.${path}` : where, vi: vietnamese(issue), en: issue.message };
  });
}
