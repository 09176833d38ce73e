import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/ScrollArea.css';
import { Checkbox, Group, Radio, Select, Text, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CommuneSelect } from './CommuneSelect';
import { fieldId, useEForm, useProblemText } from './context';
import { description, getAt, hintFor, type JsonSchema, label } from './schema';

const MONTH = '^\\d{4}-(0[1-9]|1[0-2])$';

/** "12" → 12, "1,5" → 1.5 (Vietnamese decimal comma); anything else stays text for the check to flag. */
function toNumber(raw: string): unknown {
  const s = raw.trim().replace(',', '.');
  if (s === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : raw;
}

/** One input of the e-form, chosen from the schema type and the `ui` widget hint. */
export function LeafField({ path, node, required }: { path: string; node: JsonSchema; required: boolean }) {
  const { t, i18n } = useTranslation('dossiers');
  const form = useEForm();
  const problemText = useProblemText();
  const lang = i18n.language;
  const value = getAt(form.data, path);
  const widget = hintFor(form.ui.widgets, path);
  const id = fieldId(path);
  const name = label(node, lang, path);
  const error = problemText(form.problems[path]);
  const set = (v: unknown) => form.onChange(path, v);
  const help = describe(node, lang, hintFor(form.ui.help, path), usePrefillHint(path));
  const common = { id, label: name, description: help, error, required, size: 'md' as const };

  if (widget === 'commune') return <CommuneSelect {...common} value={value} onChange={set} />;

  if (node.type === 'boolean') {
    // A declaration (`const: true`) reads as its statement; other yes/no questions by their title.
    const statement = node.const === true ? (description(node, lang) ?? name) : name;
    return (
      <Checkbox
        id={id}
        size="md"
        className="cqs-check"
        label={statement}
        description={node.const === true ? undefined : help}
        error={error}
        checked={value === true}
        onChange={(e) => set(e.currentTarget.checked ? true : node.const === true ? undefined : false)}
      />
    );
  }

  if (node.enum) {
    const options = node.enum.map((o) => String(o));
    if (widget === 'radio') {
      // The field's id goes to the first choice (what the error summary focuses), not to the group.
      const { id: _groupId, ...group } = common;
      return (
        <Radio.Group {...group} value={typeof value === 'string' ? value : null} onChange={set}>
          <Group gap="xs" mt={6} className="cqs-choices">
            {options.map((o, i) => (
              <Radio key={o} value={o} label={o} id={i === 0 ? id : undefined} className="cqs-choice" />
            ))}
          </Group>
        </Radio.Group>
      );
    }
    return (
      <Select
        {...common}
        data={options}
        value={typeof value === 'string' ? value : null}
        onChange={(v) => set(v ?? undefined)}
        searchable={options.length > 8}
        clearable={!required}
        placeholder={t('eform.choose')}
        nothingFoundMessage={t('eform.nothingFound')}
        comboboxProps={{ withinPortal: true }}
        allowDeselect={false}
      />
    );
  }

  const text = value === undefined || value === null ? '' : String(value);
  if (widget === 'textarea' || (node.maxLength ?? 0) > 300) {
    return (
      <Textarea
        {...common}
        autosize
        minRows={3}
        maxLength={node.maxLength}
        value={text}
        onChange={(e) => set(e.currentTarget.value)}
      />
    );
  }

  const numeric = node.type === 'integer' || node.type === 'number';
  const type =
    node.format === 'date' || widget === 'date'
      ? 'date'
      : node.pattern === MONTH
        ? 'month'
        : node.format === 'email'
          ? 'email'
          : node.pattern?.startsWith('^0\\d')
            ? 'tel'
            : 'text';
  const digitsOnly =
    numeric || (node.pattern !== undefined && /^\^(\\d|0)[\\d{},0-9]*\$$/.test(node.pattern));
  return (
    <TextInput
      {...common}
      type={type}
      value={text}
      maxLength={node.maxLength}
      inputMode={
        type === 'tel' ? 'tel' : digitsOnly ? (node.type === 'number' ? 'decimal' : 'numeric') : undefined
      }
      autoComplete={autoComplete(path)}
      onChange={(e) => set(numeric ? toNumber(e.currentTarget.value) : e.currentTarget.value)}
    />
  );
}

/**
 * The schema's description, the procedure's help and where a prefilled value came from, one under
 * another. Texts the procedure has only in Vietnamese say so (`lang="vi"`) on the English page, so
 * a screen reader pronounces them right.
 */
function describe(
  node: JsonSchema,
  lang: string,
  help: string | undefined,
  prefill: string | null,
): ReactNode {
  const english = lang === 'en' && node['x-en-description'];
  const parts = [
    english ? { text: english, vi: false } : node.description ? { text: node.description, vi: true } : null,
    help ? { text: help, vi: true } : null,
  ].filter((p): p is { text: string; vi: boolean } => p !== null);
  if (!parts.length && !prefill) return undefined;
  return (
    <>
      {parts.map((p) => (
        <span key={p.text} className="cqs-help" lang={p.vi && lang === 'en' ? 'vi' : undefined}>
          {p.text}
        </span>
      ))}
      {prefill && (
        <Text span size="xs" c="teal.9" className="cqs-help" data-testid="prefill-hint">
          {prefill}
        </Text>
      )}
    </>
  );
}

/** "Điền sẵn từ tài khoản…" while the value is still the one the platform filled in. */
function usePrefillHint(path: string): string | null {
  const { t } = useTranslation('dossiers');
  const { prefill, data } = useEForm();
  if (!prefill) return null;
  const source = prefill.sources
    .filter((s) => path === s.path || path.startsWith(`${s.path}.`))
    .sort((a, b) => b.path.length - a.path.length)[0];
  const filled = getAt(prefill.formData, path);
  if (!source || filled === undefined || getAt(data, path) !== filled) return null;
  return source.from === 'profile'
    ? t('eform.fromProfile')
    : t('eform.fromDossier', { code: source.dossierCode ?? '' });
}

/** The declarant's own fields get the browser's autofill; other people's do not. */
function autoComplete(path: string): string {
  const own: Record<string, string> = {
    'declarant.fullName': 'name',
    'declarant.phone': 'tel',
    'declarant.email': 'email',
    'declarant.dateOfBirth': 'bday',
  };
  return own[path] ?? 'off';
}
