import { Card, Stack, Title } from '@mantine/core';
import type React from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format';

type Schema = Record<string, unknown>;

export interface FormDataProps {
  formData: Record<string, unknown>;
  /** The procedure's e-form (JSON Schema with `title` and `x-en`), if it has one. */
  schema: Schema | null;
}

/** The declaration the applicant filled in, with the e-form's own titles as labels. */
export function FormDataView({ formData, schema }: FormDataProps) {
  const { t } = useTranslation('workspace');
  if (Object.keys(formData).length === 0) return null;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="form-title">
      <Title order={2} fz="h3" id="form-title" mb="md">
        {schema ? titleOf(schema, 'vi', t('form.title')) : t('form.title')}
      </Title>
      <Fields value={formData} schema={schema} root={schema} />
    </Card>
  );
}

/** Follows a local `$ref` (`#/$defs/person`), keeping the titles the referring property gives. */
function resolve(schema: Schema | null, root: Schema | null): Schema | null {
  if (!schema) return null;
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/') && root) {
    let target: unknown = root;
    for (const part of ref.slice(2).split('/')) target = (target as Schema | undefined)?.[part];
    if (target && typeof target === 'object') return { ...(target as Schema), ...schema, $ref: undefined };
  }
  return schema;
}

function titleOf(schema: Schema | null, language: string, fallback: string): string {
  if (!schema) return fallback;
  const en = schema['x-en'];
  if (language === 'en' && typeof en === 'string') return en;
  return typeof schema.title === 'string' ? schema.title : fallback;
}

function Fields({
  value,
  schema,
  root,
}: {
  value: Record<string, unknown>;
  schema: Schema | null;
  root: Schema | null;
}) {
  const { i18n } = useTranslation('workspace');
  const properties = (resolve(schema, root)?.properties ?? {}) as Record<string, Schema>;
  const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined && v !== '');
  return (
    <dl className="ws-dl">
      {entries.map(([key, v]) => {
        const child = resolve(properties[key] ?? null, root);
        const label = titleOf(child, i18n.language, key);
        const nested = v && typeof v === 'object' && !Array.isArray(v);
        return nested ? (
          <Group key={key} label={label}>
            <Fields value={v as Record<string, unknown>} schema={child} root={root} />
          </Group>
        ) : (
          <Pair key={key} label={label} value={v} schema={child} root={root} />
        );
      })}
    </dl>
  );
}

function Pair({
  label,
  value,
  schema,
  root,
}: {
  label: string;
  value: unknown;
  schema: Schema | null;
  root: Schema | null;
}) {
  const { t } = useTranslation('workspace');
  let shown: React.ReactNode;
  if (Array.isArray(value)) {
    const items = resolve((schema?.items as Schema | undefined) ?? null, root);
    shown = (
      <Stack gap={4}>
        {value.map((item, i) =>
          item && typeof item === 'object' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the entries have no identity of their own
            <Fields key={i} value={item as Record<string, unknown>} schema={items} root={root} />
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: the entries have no identity of their own
            <span key={i}>{String(item)}</span>
          ),
        )}
      </Stack>
    );
  } else if (typeof value === 'boolean') shown = value ? t('form.yes') : t('form.no');
  else if (schema?.format === 'date' && typeof value === 'string') shown = formatDate(value);
  else shown = String(value);
  return (
    <>
      <dt>{label}</dt>
      <dd>{shown}</dd>
    </>
  );
}

/** A block of the form (the child, the mother…): its title, then its own fields, indented. */
function Group({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt style={{ gridColumn: '1 / -1', fontWeight: 700, color: 'inherit', marginTop: 8 }}>{label}</dt>
      <dd
        style={{
          gridColumn: '1 / -1',
          paddingLeft: '1rem',
          borderLeft: '3px solid var(--mantine-color-gray-3)',
        }}
      >
        {children}
      </dd>
    </>
  );
}
