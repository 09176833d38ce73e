import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FieldError } from '../../platform/errors.ts';
import { UNSAFE_TEXT_MESSAGES, unsafeInLine, unsafeInText } from '../../platform/text.ts';
import type { EForm } from '../catalog/schema.ts';

type JsonSchema = {
  $ref?: string;
  title?: string;
  'x-en'?: string;
  'x-prefill'?: string;
  type?: string;
  properties?: Record<string, JsonSchema>;
  $defs?: Record<string, JsonSchema>;
};

// ajv-formats is CommonJS; under ESM its default export may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
addFormats(ajv);

// Procedures have a dozen e-forms; compiled validators are kept per schema text.
const compiled = new Map<string, ValidateFunction>();
function validatorFor(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    const { $schema: _ignored, ...rest } = schema;
    validate = ajv.compile(rest);
    if (compiled.size > 500) compiled.clear();
    compiled.set(key, validate);
  }
  return validate;
}

function resolve(root: JsonSchema, s: JsonSchema | undefined): JsonSchema | undefined {
  if (!s?.$ref) return s;
  const name = s.$ref.replace('#/$defs/', '');
  return { ...root.$defs?.[name], ...s };
}

/** The field's title in both languages, found by walking the schema along the data path. */
function titleAt(root: JsonSchema, path: string[]): { vi: string; en: string } {
  let node: JsonSchema | undefined = root;
  for (const part of path) {
    node = resolve(root, node);
    node = /^\d+$/.test(part) ? undefined : node?.properties?.[part];
  }
  node = resolve(root, node);
  const last = path.at(-1) ?? '';
  return { vi: node?.title ?? last, en: node?.['x-en'] ?? node?.title ?? last };
}

function message(e: ErrorObject, title: { vi: string; en: string }): { vi: string; en: string } {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { vi: `Chưa điền “${title.vi}”.`, en: `“${title.en}” is required.` };
    case 'pattern':
    case 'format':
      return { vi: `“${title.vi}” không đúng định dạng.`, en: `“${title.en}” is not in the right format.` };
    case 'enum':
      return {
        vi: `“${title.vi}” phải là một trong: ${(p.allowedValues as unknown[]).join(', ')}.`,
        en: `“${title.en}” must be one of: ${(p.allowedValues as unknown[]).join(', ')}.`,
      };
    case 'maxLength':
      return {
        vi: `“${title.vi}” dài quá ${p.limit} ký tự.`,
        en: `“${title.en}” is over ${p.limit} characters.`,
      };
    case 'minLength':
      return { vi: `Chưa điền “${title.vi}”.`, en: `“${title.en}” is required.` };
    case 'minimum':
    case 'maximum':
      return {
        vi: `“${title.vi}” phải ${e.keyword === 'minimum' ? 'từ' : 'không quá'} ${p.limit}.`,
        en: `“${title.en}” must be ${e.keyword === 'minimum' ? 'at least' : 'at most'} ${p.limit}.`,
      };
    case 'type':
      return { vi: `“${title.vi}” không đúng kiểu dữ liệu.`, en: `“${title.en}” must be a ${p.type}.` };
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return {
        vi: `Biểu mẫu không có trường “${String(p.additionalProperty ?? p.unevaluatedProperty)}”.`,
        en: `The form has no field “${String(p.additionalProperty ?? p.unevaluatedProperty)}”.`,
      };
    default:
      return { vi: `“${title.vi}” không hợp lệ.`, en: `“${title.en}” is not valid.` };
  }
}

/** What is wrong with the filled form, field by field (`formData.child.fullName`), in Vietnamese and English. */
export function formErrors(eform: EForm, data: Record<string, unknown>): FieldError[] {
  const validate = validatorFor(eform.schema);
  if (validate(data)) return [];
  const root = eform.schema as JsonSchema;
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of validate.errors ?? []) {
    const path = e.instancePath.split('/').filter(Boolean);
    if (e.keyword === 'required')
      path.push(String((e.params as { missingProperty: string }).missingProperty));
    const field = ['formData', ...path].join('.');
    if (seen.has(field) || e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    seen.add(field);
    out.push({ field, ...message(e, titleAt(root, path)) });
  }
  return out;
}

// A person's name in a form (the declarant's, the child's, the mother's …) is one line.
const NAME_KEYS: ReadonlySet<string> = new Set(['fullName', 'name', 'hoTen']);

/**
 * Text in a form that no form may hold, whatever its schema (a draft too): names with a control,
 * direction-override or invisible character (a tab, a newline, U+202E); any text with such a
 * character other than a line break or a tab.
 */
export function unsafeTextErrors(data: unknown, path: string[] = ['formData'], depth = 0): FieldError[] {
  if (depth > 12) return [];
  if (typeof data === 'string') {
    const why = NAME_KEYS.has(path.at(-1) ?? '') ? unsafeInLine(data) : unsafeInText(data);
    return why ? [{ field: path.join('.'), ...UNSAFE_TEXT_MESSAGES[why] }] : [];
  }
  if (Array.isArray(data))
    return data.flatMap((v, i) => unsafeTextErrors(v, [...path, String(i)], depth + 1));
  if (typeof data === 'object' && data !== null)
    return Object.entries(data).flatMap(([k, v]) => unsafeTextErrors(v, [...path, k], depth + 1));
  return [];
}

/**
 * The form's fields the applicant's profile can fill (`x-prefill: applicant.fullName` …), with the
 * paths filled. Walks nested objects and `$defs` references.
 */
export function prefillFromProfile(
  eform: EForm,
  profile: Record<string, unknown>,
): { data: Record<string, unknown>; filled: string[] } {
  const root = eform.schema as JsonSchema;
  const filled: string[] = [];
  const walk = (schema: JsonSchema | undefined, path: string[], depth: number): unknown => {
    const s = resolve(root, schema);
    if (!s || depth > 6) return undefined;
    const hint = s['x-prefill'];
    if (hint?.startsWith('applicant.')) {
      const value = profile[hint.slice('applicant.'.length)];
      if (value === null || value === undefined || value === '') return undefined;
      filled.push(path.join('.'));
      return value;
    }
    if (!s.properties) return undefined;
    const obj: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(s.properties)) {
      const v = walk(child, [...path, key], depth + 1);
      if (v !== undefined) obj[key] = v;
    }
    return Object.keys(obj).length ? obj : undefined;
  };
  const data = (walk(root, [], 0) as Record<string, unknown> | undefined) ?? {};
  return { data, filled };
}
