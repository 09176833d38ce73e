// Reading a procedure's e-form: JSON Schema 2020-12 (titles in `title`, English in `x-en`,
// `$ref` to `$defs`) plus `ui` hints (groups of field paths, widgets, help), as in
// server/seed/data/eforms.json. Paths are dotted (`child.fullName`, `members.0.sex`).

export interface JsonSchema {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string;
  title?: string;
  'x-en'?: string;
  description?: string;
  'x-en-description'?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

export interface EFormUi {
  order?: string[];
  groups?: { title: string; 'x-en'?: string; fields: string[] }[];
  /** Keyed by path; array items as `members[].sex`. */
  widgets?: Record<string, string>;
  help?: Record<string, string>;
}

export type FormData = Record<string, unknown>;

/**
 * The schema with its `$ref` followed. Keywords beside a `$ref` apply too (2020-12), so their
 * properties are merged over the definition's and both `required` lists hold.
 */
export function resolve(root: JsonSchema, s: JsonSchema | undefined): JsonSchema | undefined {
  if (!s?.$ref) return s;
  const def = resolve(root, root.$defs?.[s.$ref.replace('#/$defs/', '')]) ?? {};
  const { $ref: _ref, ...rest } = s;
  return {
    ...def,
    ...rest,
    properties: { ...def.properties, ...rest.properties },
    required: [...new Set([...(def.required ?? []), ...(rest.required ?? [])])],
  };
}

const isIndex = (part: string) => /^\d+$/.test(part);

/** The schema at a path, and whether every step down to it is required (for the asterisk). */
export function nodeAt(root: JsonSchema, path: string): { node: JsonSchema; required: boolean } | null {
  let node = resolve(root, root);
  let required = true;
  for (const part of path.split('.')) {
    if (!node) return null;
    if (isIndex(part)) {
      node = resolve(root, node.items);
      continue;
    }
    required = required && (node.required ?? []).includes(part);
    node = resolve(root, node.properties?.[part]);
  }
  return node ? { node, required } : null;
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function getAt(data: unknown, path: string): unknown {
  let value = data;
  for (const part of path.split('.')) {
    if (Array.isArray(value)) value = value[Number(part)];
    else if (isObject(value)) value = value[part];
    else return undefined;
  }
  return value;
}

/** A copy of `data` with the value at `path` set (or removed when undefined), creating objects on the way. */
export function setAt(data: FormData, path: string, value: unknown): FormData {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const here: unknown = (data as Record<string, unknown>)[head];
  if (rest.length === 0) {
    const copy = { ...data };
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const tail = rest.join('.');
  if (Array.isArray(here) && isIndex(rest[0]!)) {
    const list = [...here];
    const [index, ...deeper] = rest as [string, ...string[]];
    const item = isObject(list[Number(index)]) ? (list[Number(index)] as FormData) : {};
    list[Number(index)] = deeper.length ? setAt(item, deeper.join('.'), value) : value;
    return { ...data, [head]: list };
  }
  return { ...data, [head]: setAt(isObject(here) ? here : {}, tail, value) };
}

export function label(node: JsonSchema | undefined, language: string, fallback = ''): string {
  if (!node) return fallback;
  return (language === 'en' ? node['x-en'] : undefined) ?? node.title ?? fallback;
}

/**
 * The field's name with the parts it sits in, for a list of problems away from the field:
 * "Người mẹ · Họ, chữ đệm, tên", "Người trong hộ 2 · Giới tính".
 */
export function pathLabel(root: JsonSchema, path: string, language: string): string {
  const parts = path.split('.');
  const names: string[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const part = parts[i - 1]!;
    const node = nodeAt(root, parts.slice(0, i).join('.'))?.node;
    if (isIndex(part)) names[names.length - 1] = `${label(node, language)} ${Number(part) + 1}`;
    else names.push(label(node, language, part));
  }
  return names.join(' · ');
}

/** Every field path in the order the form shows them (list entries as they are now), for sorting problems. */
export function displayOrder(root: JsonSchema, ui: EFormUi, data: FormData): string[] {
  const expand = (path: string): string[] => {
    const node = nodeAt(root, path)?.node;
    if (!node) return [path];
    if (node.type === 'array') {
      const items = getAt(data, path);
      const keys = Object.keys(nodeAt(root, `${path}.0`)?.node?.properties ?? {});
      return [
        path,
        ...(Array.isArray(items) ? items : []).flatMap((_, i) =>
          keys.length ? keys.flatMap((k) => expand(`${path}.${i}.${k}`)) : [`${path}.${i}`],
        ),
      ];
    }
    if (node.properties) return Object.keys(node.properties).flatMap((k) => expand(`${path}.${k}`));
    return [path];
  };
  const fields = ui.groups?.length ? ui.groups.flatMap((g) => g.fields) : Object.keys(root.properties ?? {});
  return fields.flatMap(expand);
}

export function description(node: JsonSchema, language: string): string | undefined {
  return (language === 'en' ? node['x-en-description'] : undefined) ?? node.description;
}

/** The ui hint for a path; array items are written `members[].sex` in the hints. */
export function hintFor(hints: Record<string, string> | undefined, path: string): string | undefined {
  if (!hints) return undefined;
  return hints[path] ?? hints[path.replace(/\.\d+(?=\.|$)/g, '[]')];
}

/**
 * The data with the schema's defaults filled in where nothing was given (a nationality "Việt Nam",
 * one copy): only inside objects that exist or are required, so an optional part stays empty.
 */
export function withDefaults(root: JsonSchema, schema: JsonSchema | undefined, data: unknown): unknown {
  const s = resolve(root, schema);
  if (!s) return data;
  if (s.properties) {
    const obj: Record<string, unknown> = isObject(data) ? { ...data } : {};
    for (const [key, child] of Object.entries(s.properties)) {
      const c = resolve(root, child);
      if (obj[key] === undefined && c?.default !== undefined) obj[key] = c.default;
      else if (c?.properties && (obj[key] !== undefined || (s.required ?? []).includes(key)))
        obj[key] = withDefaults(root, c, obj[key]);
    }
    return obj;
  }
  return data;
}

/**
 * What is sent: empty strings and empty parts removed, and an optional part that holds nothing but
 * its defaults (the father's nationality when no father is declared) dropped, so its own required
 * fields do not fire.
 */
export function prune(
  root: JsonSchema,
  schema: JsonSchema | undefined,
  data: unknown,
  required = true,
): unknown {
  const s = resolve(root, schema);
  if (data === '' || data === null || data === undefined) return undefined;
  if (Array.isArray(data)) {
    const items = data.map((item) => prune(root, s?.items, item, true) ?? {});
    return items.length ? items : undefined;
  }
  if (!isObject(data)) return data;
  const out: Record<string, unknown> = {};
  let meaningful = false;
  for (const [key, value] of Object.entries(data)) {
    const child = resolve(root, s?.properties?.[key]);
    const kept = prune(root, child, value, (s?.required ?? []).includes(key));
    if (kept === undefined) continue;
    out[key] = kept;
    if (child?.default === undefined || JSON.stringify(child.default) !== JSON.stringify(kept))
      meaningful = true;
  }
  if (Object.keys(out).length === 0) return required && s?.properties ? out : undefined;
  return meaningful || required ? out : undefined;
}

export function pruneForm(root: JsonSchema, data: FormData): FormData {
  return (prune(root, root, data, true) as FormData | undefined) ?? {};
}
