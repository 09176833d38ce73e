import type { FieldError } from '../../../../ui/api';
import { isObject, type JsonSchema, resolve } from './schema';

/**
 * What is wrong with one field: a rule checked here (worded by the page, in its language), or the
 * server's own message ({vi, en}) when it found what this check did not.
 */
export type FieldProblem =
  | {
      rule: 'required' | 'consent' | 'pattern' | 'email' | 'date' | 'number' | 'integer' | 'enum';
      limit?: number;
    }
  | { rule: 'minLength' | 'maxLength' | 'minimum' | 'maximum' | 'minItems' | 'maxItems'; limit: number }
  | { rule: 'server'; vi: string; en: string };

export type FieldProblems = Record<string, FieldProblem>;

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The same checks the server makes when the dossier is filed (required, type, pattern, formats,
 * limits), so the person learns of a gap on the form instead of after the review. The server still
 * decides; its answer replaces these.
 */
export function validateForm(root: JsonSchema, data: Record<string, unknown>): FieldProblems {
  const problems: FieldProblems = {};
  const add = (path: string[], problem: FieldProblem) => {
    const key = path.join('.');
    if (!problems[key]) problems[key] = problem;
  };

  const walk = (schema: JsonSchema | undefined, value: unknown, path: string[]) => {
    const s = resolve(root, schema);
    if (!s || value === undefined) return;
    if (s.const !== undefined && value !== s.const) return add(path, { rule: 'consent' });
    if (s.enum && !s.enum.includes(value)) return add(path, { rule: 'enum' });
    switch (s.type) {
      case 'object': {
        if (!isObject(value)) return add(path, { rule: 'required' });
        for (const key of s.required ?? []) {
          if (value[key] === undefined) {
            const child = resolve(root, s.properties?.[key]);
            add([...path, key], { rule: child?.const === true ? 'consent' : 'required' });
          }
        }
        for (const [key, child] of Object.entries(s.properties ?? {}))
          walk(child, value[key], [...path, key]);
        return;
      }
      case 'array': {
        if (!Array.isArray(value)) return add(path, { rule: 'required' });
        if (s.minItems !== undefined && value.length < s.minItems)
          return add(path, { rule: 'minItems', limit: s.minItems });
        if (s.maxItems !== undefined && value.length > s.maxItems)
          return add(path, { rule: 'maxItems', limit: s.maxItems });
        value.forEach((item, i) => {
          walk(s.items, item, [...path, String(i)]);
        });
        return;
      }
      case 'integer':
      case 'number': {
        if (typeof value !== 'number' || Number.isNaN(value)) return add(path, { rule: 'number' });
        if (s.type === 'integer' && !Number.isInteger(value)) return add(path, { rule: 'integer' });
        if (s.minimum !== undefined && value < s.minimum)
          return add(path, { rule: 'minimum', limit: s.minimum });
        if (s.exclusiveMinimum !== undefined && value <= s.exclusiveMinimum)
          return add(path, { rule: 'minimum', limit: s.exclusiveMinimum });
        if (s.maximum !== undefined && value > s.maximum)
          return add(path, { rule: 'maximum', limit: s.maximum });
        return;
      }
      case 'string': {
        if (typeof value !== 'string') return add(path, { rule: 'required' });
        if (s.minLength !== undefined && value.trim().length < s.minLength)
          return add(
            path,
            s.minLength <= 1 ? { rule: 'required' } : { rule: 'minLength', limit: s.minLength },
          );
        if (s.maxLength !== undefined && value.length > s.maxLength)
          return add(path, { rule: 'maxLength', limit: s.maxLength });
        if (s.format === 'date' && !DATE.test(value)) return add(path, { rule: 'date' });
        if (s.format === 'email' && !EMAIL.test(value)) return add(path, { rule: 'email' });
        if (s.pattern && !new RegExp(s.pattern, 'u').test(value)) return add(path, { rule: 'pattern' });
        return;
      }
      default:
        return;
    }
  };

  walk(root, data, []);
  return problems;
}

/** The server's per-field errors (`formData.child.fullName`) as problems keyed by form path. */
export function serverProblems(errors: FieldError[], prefix = 'formData.'): FieldProblems {
  const problems: FieldProblems = {};
  for (const e of errors) {
    if (!e.field.startsWith(prefix)) continue;
    problems[e.field.slice(prefix.length)] = { rule: 'server', vi: e.vi, en: e.en };
  }
  return problems;
}
