import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NATIONAL_CATALOGUE, readReference } from './reference.ts';

/**
 * The e-form definitions (biểu mẫu điện tử) of seed/data/eforms.json: one JSON Schema (draft 2020-12)
 * per national procedure code, with UI hints and `x-prefill` marks for auto-fill (Decree 224/2026:
 * citizens give their data only once). These tests check the file with a small structural validator
 * and fill three declarations through a minimal instance validator, both written here.
 *
 * Field paths (ui.groups, ui.widgets, ui.help) are dotted property names; `[]` steps into array items,
 * e.g. `businessLines[].code`. A path to an object or array shows all of its fields.
 */

type SchemaNode = {
  $schema?: string;
  $ref?: string;
  $defs?: Record<string, SchemaNode>;
  type?: string;
  title?: string;
  'x-en'?: string;
  description?: string;
  'x-en-description'?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean;
  unevaluatedProperties?: boolean;
  items?: SchemaNode;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  'x-prefill'?: string;
};
type Ui = {
  order: string[];
  groups: { title: string; 'x-en': string; fields: string[] }[];
  widgets: Record<string, string>;
  help: Record<string, string>;
};
type EForm = { schema: SchemaNode; ui: Ui };

const here = path.dirname(fileURLToPath(import.meta.url));
const forms = JSON.parse(fs.readFileSync(path.join(here, 'data', 'eforms.json'), 'utf8')) as Record<
  string,
  EForm
>;
const entries = Object.entries(forms);

const catalogue = new Map<string, string>();
for (const line of readReference(NATIONAL_CATALOGUE).split('\n')) {
  if (!line.trim()) continue;
  const record = JSON.parse(line) as { ma_thu_tuc: string; ten_thu_tuc: string };
  catalogue.set(record.ma_thu_tuc, record.ten_thu_tuc);
}

/** The 12 procedures and a phrase of each one's name in the national catalogue. */
const EXPECTED: Record<string, string> = {
  '1.001193': 'đăng ký khai sinh',
  '1.000894': 'đăng ký kết hôn',
  '1.000656': 'đăng ký khai tử',
  '1.004873': 'xác nhận tình trạng hôn nhân',
  '1.001022': 'nhận cha, mẹ, con',
  '1.001612': 'thành lập hộ kinh doanh',
  '2.000815': 'chứng thực bản sao từ bản chính',
  '2.000884': 'chứng thực chữ ký',
  '3.000333': 'phiếu lý lịch tư pháp',
  '1.012753': 'cấp giấy chứng nhận quyền sử dụng đất',
  '1.003197': 'xóa đăng ký thường trú',
  '1.004222': 'đăng ký thường trú',
};

const PREFILL_PATHS = [
  'applicant.fullName',
  'applicant.dateOfBirth',
  'applicant.cccd',
  'applicant.phone',
  'applicant.email',
  'applicant.addressCommuneCode',
  'applicant.addressDetail',
];
const WIDGETS = ['textarea', 'radio', 'date', 'commune', 'select'];
const TYPES = ['object', 'array', 'string', 'integer', 'number', 'boolean'];
const FORMATS = ['date', 'email'];
const KEYWORDS = new Set([
  '$schema',
  '$ref',
  '$defs',
  'type',
  'title',
  'x-en',
  'description',
  'x-en-description',
  'properties',
  'required',
  'additionalProperties',
  'unevaluatedProperties',
  'items',
  'enum',
  'const',
  'default',
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'minItems',
  'maxItems',
  'x-prefill',
]);

/** A letter only Vietnamese writing has: a tone mark or ă â đ ê ô ơ ư. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

// ------------------------------------------------------------------ schema navigation

/** The node with its `$ref` followed; keywords beside the `$ref` add to the target (2020-12). */
function effective(root: SchemaNode, node: SchemaNode): SchemaNode {
  if (!node.$ref) return node;
  const { $ref: ref, properties, required, ...rest } = node;
  const target = root.$defs?.[ref.replace('#/$defs/', '')];
  if (!target) return rest; // reported by the structural validator
  const base = effective(root, target);
  return {
    ...base,
    ...rest,
    properties: { ...base.properties, ...properties },
    required: [...new Set([...(base.required ?? []), ...(required ?? [])])],
  };
}

/** The schema node of a field path, or undefined when the path names no field. */
function nodeAt(root: SchemaNode, fieldPath: string): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const segment of fieldPath.split('.')) {
    const inArray = segment.endsWith('[]');
    const name = inArray ? segment.slice(0, -2) : segment;
    node = node && effective(root, node).properties?.[name];
    if (node && inArray) node = effective(root, node).items;
    if (!node) return undefined;
  }
  return effective(root, node);
}

/** The input fields a path shows: itself, or every field of the object or array it names. */
function leaves(root: SchemaNode, fieldPath: string): string[] {
  const node = nodeAt(root, fieldPath);
  if (!node) return [];
  if (node.type === 'object') {
    return Object.keys(node.properties ?? {}).flatMap((k) => leaves(root, `${fieldPath}.${k}`));
  }
  if (node.type === 'array' && node.items && effective(root, node.items).type === 'object') {
    const item = effective(root, node.items);
    return Object.keys(item.properties ?? {}).flatMap((k) => leaves(root, `${fieldPath}[].${k}`));
  }
  return [fieldPath];
}

const shownFields = (form: EForm) =>
  form.ui.groups.flatMap((g) => g.fields.flatMap((f) => leaves(form.schema, f)));

// ------------------------------------------------------------------ structural validator

function checkForm(form: EForm): string[] {
  const problems: string[] = [];
  const root = form.schema;
  const problem = (where: string, what: string) => problems.push(`${where || '(root)'}: ${what}`);

  function visit(node: SchemaNode, where: string, isProperty: boolean, mustBeClosed: boolean) {
    for (const key of Object.keys(node)) if (!KEYWORDS.has(key)) problem(where, `unknown keyword ${key}`);
    if (node.$ref !== undefined) {
      const name = /^#\/\$defs\/([A-Za-z]\w*)$/.exec(node.$ref)?.[1];
      if (!name || !root.$defs?.[name]) {
        problem(where, `$ref ${node.$ref} does not resolve`);
        return;
      }
    } else if (node.type === undefined && node.const === undefined) {
      problem(where, 'has neither type nor $ref');
    }
    if (node.type !== undefined && !TYPES.includes(node.type)) problem(where, `unknown type ${node.type}`);
    if (isProperty) {
      if (typeof node.title !== 'string' || !node.title.trim()) problem(where, 'has no title');
      if (typeof node['x-en'] !== 'string' || !node['x-en'].trim()) problem(where, 'has no x-en');
      if (node.title === node['x-en']) problem(where, 'title is not in Vietnamese');
    }
    if (node.description !== undefined && !VIETNAMESE.test(node.description)) {
      problem(where, 'description is not in Vietnamese with diacritics');
    }
    const eff = effective(root, node);
    if (eff.type === 'object') {
      const props = eff.properties ?? {};
      if (Object.keys(props).length === 0) problem(where, 'object without properties');
      const own = node.required ?? [];
      if (new Set(own).size !== own.length) problem(where, 'required has duplicates');
      for (const r of eff.required ?? [])
        if (!(r in props)) problem(where, `required ${r} is not a property`);
      if (mustBeClosed && eff.additionalProperties !== false && eff.unevaluatedProperties !== false) {
        problem(where, 'object is open: set additionalProperties or unevaluatedProperties to false');
      }
      for (const [k, child] of Object.entries(node.properties ?? {})) {
        visit(child, where ? `${where}.${k}` : k, true, true);
      }
    }
    if (node.type === 'array') {
      if (!node.items) problem(where, 'array without items');
      else visit(node.items, `${where}[]`, false, true);
      if ((node.minItems ?? 0) > (node.maxItems ?? Number.POSITIVE_INFINITY)) {
        problem(where, 'minItems > maxItems');
      }
    }
    if (node.enum !== undefined) {
      if (!Array.isArray(node.enum) || node.enum.length === 0) problem(where, 'empty enum');
      else {
        if (new Set(node.enum).size !== node.enum.length) problem(where, 'enum has duplicates');
        for (const v of node.enum) {
          if (validate(root, { type: node.type }, v).length)
            problem(where, `enum value ${v} is not a ${node.type}`);
        }
      }
    }
    if (node.pattern !== undefined) {
      if (!node.pattern.startsWith('^') || !node.pattern.endsWith('$'))
        problem(where, 'pattern not anchored');
      try {
        new RegExp(node.pattern, 'u');
      } catch {
        problem(where, `pattern ${node.pattern} does not compile`);
      }
    }
    if (node.format !== undefined && !FORMATS.includes(node.format)) problem(where, `format ${node.format}`);
    for (const k of ['minLength', 'maxLength', 'minItems', 'maxItems'] as const) {
      const v = node[k];
      if (v !== undefined && !(Number.isInteger(v) && v >= 0)) problem(where, `${k} must be a whole number`);
    }
    if ((node.minLength ?? 0) > (node.maxLength ?? Number.POSITIVE_INFINITY)) {
      problem(where, 'minLength > maxLength');
    }
    if ((node.minimum ?? Number.NEGATIVE_INFINITY) > (node.maximum ?? Number.POSITIVE_INFINITY)) {
      problem(where, 'minimum > maximum');
    }
    if (node['x-prefill'] !== undefined) {
      if (!PREFILL_PATHS.includes(node['x-prefill']))
        problem(where, `x-prefill ${node['x-prefill']} unknown`);
      if (node.type !== 'string') problem(where, 'x-prefill on a non-string field');
    }
    if (node.default !== undefined) {
      const errors = validate(root, node, node.default, where);
      if (errors.length) problem(where, `default is invalid: ${errors.join('; ')}`);
    }
  }

  if (root.$schema !== 'https://json-schema.org/draft/2020-12/schema') problem('', '$schema is not 2020-12');
  if (root.type !== 'object') problem('', 'type is not object');
  if (!root.title || !root['x-en']) problem('', 'form has no title and x-en');
  visit(root, '', false, true);
  // $defs may stay open: a form extends a person beside its $ref and closes it there.
  for (const [name, def] of Object.entries(root.$defs ?? {})) visit(def, `$defs.${name}`, false, false);

  const titles: string[] = [];
  JSON.stringify(root, (key, value) => {
    if (key === 'title' && typeof value === 'string') titles.push(value);
    return value;
  });
  if (!titles.some((t) => VIETNAMESE.test(t))) problem('', 'no title is written with Vietnamese diacritics');

  // UI hints
  const { ui } = form;
  const top = Object.keys(root.properties ?? {});
  if (new Set(ui.order).size !== ui.order.length) problem('ui.order', 'has duplicates');
  for (const f of ui.order) if (!top.includes(f)) problem('ui.order', `${f} is not a field`);
  for (const f of top) if (!ui.order.includes(f)) problem('ui.order', `misses ${f}`);
  const grouped = new Set<string>();
  for (const g of ui.groups) {
    if (!g.title || !g['x-en']) problem('ui.groups', 'group without title or x-en');
    if (g.fields.length === 0) problem('ui.groups', `${g.title} is empty`);
    for (const f of g.fields) {
      if (!nodeAt(root, f)) problem(`ui.groups ${g.title}`, `${f} is not a field`);
      if (grouped.has(f)) problem(`ui.groups ${g.title}`, `${f} is listed twice`);
      grouped.add(f);
    }
  }
  const topInGroups = new Set([...grouped].map((f) => f.split(/[.[]/)[0]));
  for (const f of top) if (!topInGroups.has(f)) problem('ui.groups', `${f} is in no group`);
  for (const [f, w] of Object.entries(ui.widgets)) {
    const node = nodeAt(root, f);
    if (!node) problem('ui.widgets', `${f} is not a field`);
    else if (!WIDGETS.includes(w)) problem('ui.widgets', `${f}: unknown widget ${w}`);
    else if (w === 'date' && node.format !== 'date') problem('ui.widgets', `${f}: date widget on a non-date`);
    else if ((w === 'radio' || w === 'select') && !node.enum)
      problem('ui.widgets', `${f}: ${w} without enum`);
    else if (w === 'commune' && node.pattern !== '^\\d{5}$')
      problem('ui.widgets', `${f}: not a commune code`);
  }
  for (const [f, text] of Object.entries(ui.help)) {
    if (!nodeAt(root, f)) problem('ui.help', `${f} is not a field`);
    if (!VIETNAMESE.test(text)) problem('ui.help', `${f}: help is not in Vietnamese`);
  }
  // A field that must be filled in has to be on screen: every required child of a shown object is shown.
  const shown = shownFields(form);
  const isShown = (p: string) =>
    shown.some((s) => s === p || s.startsWith(`${p}.`) || s.startsWith(`${p}[]`));
  for (const leaf of shown) {
    const segments = leaf.split('.');
    for (let i = 0; i < segments.length; i++) {
      const parent = segments.slice(0, i).join('.');
      const object = parent ? nodeAt(root, parent) : root;
      const prefix = parent ? `${parent}.` : '';
      for (const r of object?.required ?? []) {
        if (!isShown(`${prefix}${r}`)) problem('ui.groups', `required ${prefix}${r} is not shown`);
      }
    }
  }
  return [...new Set(problems)];
}

// ------------------------------------------------------------------ minimal instance validator

function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

function validate(root: SchemaNode, schemaNode: SchemaNode, value: unknown, at = ''): string[] {
  const errors: string[] = [];
  const fail = (what: string) => errors.push(`${at || '(root)'} ${what}`);
  const node = effective(root, schemaNode);
  if (node.const !== undefined && value !== node.const) fail(`must be ${JSON.stringify(node.const)}`);
  if (node.enum && !node.enum.includes(value)) fail('is not one of the allowed values');
  switch (node.type) {
    case 'string':
      if (typeof value !== 'string') return [...errors, `${at} must be a string`];
      if (node.minLength !== undefined && [...value].length < node.minLength) fail('is too short');
      if (node.maxLength !== undefined && [...value].length > node.maxLength) fail('is too long');
      if (node.pattern && !new RegExp(node.pattern, 'u').test(value)) fail(`does not match ${node.pattern}`);
      if (node.format === 'date' && !isRealDate(value)) fail('is not a date (YYYY-MM-DD)');
      if (node.format === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))
        fail('is not an e-mail address');
      break;
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return [...errors, `${at} must be a number`];
      if (node.type === 'integer' && !Number.isInteger(value)) fail('must be a whole number');
      if (node.minimum !== undefined && value < node.minimum) fail(`must be ≥ ${node.minimum}`);
      if (node.maximum !== undefined && value > node.maximum) fail(`must be ≤ ${node.maximum}`);
      if (node.exclusiveMinimum !== undefined && value <= node.exclusiveMinimum) fail('is too small');
      break;
    case 'boolean':
      if (typeof value !== 'boolean') fail('must be true or false');
      break;
    case 'array':
      if (!Array.isArray(value)) return [...errors, `${at} must be a list`];
      if (node.minItems !== undefined && value.length < node.minItems) fail('has too few items');
      if (node.maxItems !== undefined && value.length > node.maxItems) fail('has too many items');
      value.forEach((item, i) => {
        if (node.items) errors.push(...validate(root, node.items, item, `${at}[${i}]`));
      });
      break;
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return [...errors, `${at} must be an object`];
      }
      const record = value as Record<string, unknown>;
      const props = node.properties ?? {};
      for (const r of node.required ?? []) if (record[r] === undefined) fail(`misses ${r}`);
      for (const [k, v] of Object.entries(record)) {
        const child = props[k];
        if (child) errors.push(...validate(root, child, v, at ? `${at}.${k}` : k));
        else if (node.additionalProperties === false || node.unevaluatedProperties === false) {
          fail(`has unknown field ${k}`);
        }
      }
      break;
    }
  }
  return errors;
}

// ------------------------------------------------------------------ auto-fill and sample declarations

/** The signed-in applicant's profile, as the identity module keeps it. */
const profile: Record<string, string> = {
  'applicant.fullName': 'Nguyễn Thị Lan',
  'applicant.dateOfBirth': '1994-03-12',
  'applicant.cccd': '008194001234',
  'applicant.phone': '0912345678',
  'applicant.email': 'lan.nguyen@example.vn',
  'applicant.addressCommuneCode': '02269',
  'applicant.addressDetail': 'Tổ 5, đường Trần Hưng Đạo',
};

/** What the platform fills in before the citizen types anything: every `x-prefill` field of an object. */
function prefill(root: SchemaNode, fieldPath: string): Record<string, string> {
  const node = nodeAt(root, fieldPath);
  const out: Record<string, string> = {};
  for (const [k, child] of Object.entries(node?.properties ?? {})) {
    const source = child['x-prefill'];
    if (source && profile[source] !== undefined) out[k] = profile[source];
  }
  return out;
}

const form = (code: string): EForm => {
  const f = forms[code];
  if (!f) throw new Error(`no e-form for ${code}`);
  return f;
};

function birthSample() {
  const { schema } = form('1.001193');
  return {
    declarant: prefill(schema, 'declarant'),
    relationship: 'Mẹ',
    child: {
      fullName: 'Trần Minh Khang',
      sex: 'Nam',
      dateOfBirth: '2026-09-28',
      placeOfBirth: 'Bệnh viện Đa khoa tỉnh Tuyên Quang',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      hometown: 'Xã Yên Sơn, tỉnh Tuyên Quang',
    },
    mother: {
      fullName: 'Nguyễn Thị Lan',
      dateOfBirth: '1994-03-12',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      cccd: '008194001234',
      residence: { communeCode: '02269', detail: 'Tổ 5, đường Trần Hưng Đạo' },
    },
    father: {
      fullName: 'Trần Văn Hùng',
      dateOfBirth: '1991-11-02',
      ethnicity: 'Tày',
      nationality: 'Việt Nam',
      cccd: '008091005678',
      residence: { communeCode: '02269', detail: 'Tổ 5, đường Trần Hưng Đạo' },
    },
    copies: 2,
  };
}

function marriageSample() {
  const { schema } = form('1.000894');
  return {
    declarant: prefill(schema, 'declarant'),
    declarantSide: 'Bên nữ',
    bride: {
      fullName: 'Nguyễn Thị Lan',
      dateOfBirth: '1994-03-12',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      cccd: '008194001234',
      residence: { communeCode: '02269', detail: 'Tổ 5, đường Trần Hưng Đạo' },
      marriageNumber: 1,
    },
    groom: {
      fullName: 'Hoàng Văn Nam',
      dateOfBirth: '1990-07-30',
      ethnicity: 'Nùng',
      nationality: 'Việt Nam',
      cccd: '008090004321',
      residence: { communeCode: '02242', detail: 'Thôn Nà Đon' },
      marriageNumber: 1,
    },
    copies: 0,
    commitment: true,
  };
}

function householdBusinessSample() {
  const { schema } = form('1.001612');
  return {
    declarant: { ...prefill(schema, 'declarant'), sex: 'Nữ' },
    foundedBy: 'Cá nhân thành lập',
    businessName: 'Hộ kinh doanh Lan Anh',
    businessAddress: { communeCode: '02269', detail: 'Số 12, đường Chiến Thắng Sông Lô' },
    businessPhone: '02073822123',
    businessLines: [
      { code: '5610', name: 'Nhà hàng và các dịch vụ ăn uống phục vụ lưu động' },
      { code: '4711', name: 'Bán lẻ lương thực, thực phẩm, đồ uống trong cửa hàng kinh doanh tổng hợp' },
    ],
    capital: 150_000_000,
    employees: 3,
    startDate: '2026-11-01',
    commitment: true,
  };
}

const check = (code: string, value: unknown) => validate(form(code).schema, form(code).schema, value);

// ------------------------------------------------------------------ tests

describe('e-form definitions (seed/data/eforms.json)', () => {
  it('covers the 12 procedures, each a code of the national catalogue with the expected name', () => {
    expect(Object.keys(forms).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [code, phrase] of Object.entries(EXPECTED)) {
      expect(catalogue.get(code), code).toBeDefined();
      expect(catalogue.get(code)?.toLowerCase(), code).toContain(phrase);
    }
  });

  it.each(entries)('%s is a well-formed schema with usable UI hints', (_code, f) => {
    expect(checkForm(f)).toEqual([]);
  });

  it.each(entries)('%s shows between 8 and 30 fields', (_code, f) => {
    const n = shownFields(f).length;
    expect(n).toBeGreaterThanOrEqual(8);
    expect(n).toBeLessThanOrEqual(30);
  });

  it.each(entries)('%s prefills the declarant’s full name and CCCD from the profile', (_code, f) => {
    const declarant = nodeAt(f.schema, 'declarant');
    expect(declarant?.type).toBe('object');
    expect(nodeAt(f.schema, 'declarant.fullName')?.['x-prefill']).toBe('applicant.fullName');
    expect(nodeAt(f.schema, 'declarant.cccd')?.['x-prefill']).toBe('applicant.cccd');
    expect(f.schema.required).toContain('declarant');
    const shown = shownFields(f);
    expect(shown).toContain('declarant.fullName');
    expect(shown).toContain('declarant.cccd');
  });

  it('uses one shape for a person, a declarant and an address in every form', () => {
    const first = entries[0]?.[1].schema.$defs;
    for (const [code, f] of entries) {
      for (const def of ['person', 'declarant', 'address']) {
        expect(f.schema.$defs?.[def], `${code} $defs.${def}`).toEqual(first?.[def]);
      }
    }
    // People are $refs to the shared shape, never copies of it.
    for (const [code, f] of entries) {
      for (const key of [
        'mother',
        'father',
        'child',
        'bride',
        'groom',
        'deceased',
        'parent',
        'subject',
        'spouse',
      ]) {
        const node = f.schema.properties?.[key];
        if (node) expect(node.$ref, `${code}.${key}`).toBe('#/$defs/person');
      }
    }
  });

  it('the structural validator catches broken definitions', () => {
    const broken = structuredClone(form('1.001193'));
    const props = broken.schema.properties ?? {};
    props.copies = { type: 'integer' }; // no title, no x-en
    props.mother = { $ref: '#/$defs/parent' }; // dangling
    broken.schema.required?.push('grandmother');
    broken.ui.order.push('grandmother');
    broken.ui.widgets['child.sex'] = 'slider';
    broken.ui.widgets['child.fullName'] = 'date';
    broken.ui.groups.pop(); // copies no longer in a group
    const childGroup = broken.ui.groups.find((g) => g.fields.includes('child.placeOfBirth'));
    if (childGroup) childGroup.fields = childGroup.fields.filter((f) => f !== 'child.placeOfBirth');
    const problems = checkForm(broken).join('\n');
    expect(problems).toContain('copies: has no title');
    expect(problems).toContain('$ref #/$defs/parent does not resolve');
    expect(problems).toContain('required grandmother is not a property');
    expect(problems).toContain('grandmother is not a field');
    expect(problems).toContain('unknown widget slider');
    expect(problems).toContain('copies is in no group');
    expect(problems).toContain('child.fullName: date widget on a non-date');
    expect(problems).toContain('required child.placeOfBirth is not shown');
  });

  describe('sample declarations', () => {
    it('a birth registration filled from the profile passes', () => {
      const sample = birthSample();
      expect(sample.declarant).toEqual({
        fullName: 'Nguyễn Thị Lan',
        cccd: '008194001234',
        phone: '0912345678',
        email: 'lan.nguyen@example.vn',
        dateOfBirth: '1994-03-12',
        addressCommuneCode: '02269',
        addressDetail: 'Tổ 5, đường Trần Hưng Đạo',
      });
      expect(check('1.001193', sample)).toEqual([]);
      // The father may be left out when he is not determined.
      const { father: _father, ...withoutFather } = sample;
      expect(check('1.001193', withoutFather)).toEqual([]);
    });

    it('a marriage registration with both parties passes', () => {
      expect(check('1.000894', marriageSample())).toEqual([]);
    });

    it('a household business registration with two lines of business passes', () => {
      expect(check('1.001612', householdBusinessSample())).toEqual([]);
    });

    it('rejects wrong patterns, enums, dates, numbers, missing and unknown fields', () => {
      const birth = birthSample();
      birth.mother.cccd = '08194001234'; // 11 digits
      birth.child.sex = 'nam';
      birth.child.dateOfBirth = '2026-02-30';
      birth.copies = -1;
      const { placeOfBirth: _p, ...childWithoutPlace } = birth.child;
      const errors = check('1.001193', { ...birth, child: childWithoutPlace }).join('\n');
      expect(errors).toContain('mother.cccd does not match');
      expect(errors).toContain('child.sex is not one of the allowed values');
      expect(errors).toContain('child.dateOfBirth is not a date');
      expect(errors).toContain('copies must be ≥ 0');
      expect(errors).toContain('child misses placeOfBirth');

      const marriage = marriageSample();
      const errors2 = check('1.000894', {
        ...marriage,
        declarant: { ...marriage.declarant, phone: '912345678' },
        bride: { ...marriage.bride, nickname: 'Lan' },
        commitment: false,
      }).join('\n');
      expect(errors2).toContain('declarant.phone does not match');
      expect(errors2).toContain('bride has unknown field nickname');
      expect(errors2).toContain('commitment must be true');

      const business = householdBusinessSample();
      const errors3 = check('1.001612', {
        ...business,
        businessLines: [{ code: '56', name: 'Ăn uống' }],
        capital: 1.5,
        startDate: '01/11/2026',
      }).join('\n');
      expect(errors3).toContain('businessLines[0].code does not match');
      expect(errors3).toContain('capital must be a whole number');
      expect(errors3).toContain('startDate is not a date');
      expect(check('1.001612', { ...business, businessLines: [] }).join('\n')).toContain('too few items');
    });
  });
});
