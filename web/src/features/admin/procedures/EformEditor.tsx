import { Alert, Button, Group, List, Text, Textarea } from '@mantine/core';
import '@mantine/core/styles/List.css';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../ui/api';
import { fieldMessagesUnder } from '../errors';
import { checkEform } from './draft';
import { EditorBlock } from './EditorBlock';
import type { BlockProps } from './GeneralFields';
import '../i18n';

/**
 * The e-form as JSON text: `{ "schema": <JSON Schema 2020-12>, "ui": <layout hints> }`. It is
 * checked as it is typed (the line and column of a syntax error show under the box), and what the
 * server refuses is listed under it too.
 */
export function EformEditor({ draft, update, serverError }: BlockProps & { serverError: ApiError | null }) {
  const { t, i18n } = useTranslation('admin');
  const check = checkEform(draft.eformText);
  const box = useRef<HTMLTextAreaElement>(null);
  // A long form scrolls inside its box: put the caret on the broken character and bring it into view.
  const goToError = () => {
    const area = box.current;
    if (!area || check.ok || check.problem !== 'syntax') return;
    const lines = draft.eformText.split('\n');
    const offset =
      lines.slice(0, check.line - 1).reduce((n, l) => n + l.length + 1, 0) + Math.max(0, check.column - 1);
    area.focus();
    area.setSelectionRange(offset, offset + 1);
    const lineHeight = Number.parseFloat(getComputedStyle(area).lineHeight) || 20;
    area.scrollTop = Math.max(0, (check.line - 4) * lineHeight);
  };
  const fromServer = fieldMessagesUnder(serverError, i18n.language, 'body.eform');
  let error: string | undefined;
  if (!check.ok)
    error =
      check.problem === 'syntax'
        ? t('procedures.eform.syntax', { line: check.line, column: check.column })
        : t(`procedures.eform.${check.detail}`);
  const summary = () => {
    if (!check.ok || !check.value) return null;
    const properties = check.value.schema.properties;
    const n = properties && typeof properties === 'object' ? Object.keys(properties).length : 0;
    return t('procedures.eform.valid', { count: n });
  };
  const format = () => {
    if (check.ok && check.value) update({ eformText: JSON.stringify(check.value, null, 2) });
  };
  return (
    <EditorBlock title={t('procedures.blocks.eform')} intro={t('procedures.eform.intro')}>
      <Textarea
        className="cqs-json-editor"
        label={t('procedures.eform.label')}
        description={t('procedures.eform.help')}
        autosize
        minRows={draft.eformText ? 12 : 4}
        maxRows={28}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        ref={box}
        value={draft.eformText}
        onChange={(e) => update({ eformText: e.currentTarget.value })}
        error={error ?? (fromServer.length ? t('procedures.eform.refused') : undefined)}
        data-testid="eform-json"
      />
      {!check.ok && check.problem === 'syntax' && (
        <Group gap="sm" wrap="nowrap" align="center">
          <Button variant="light" color="red" onClick={goToError} style={{ flexShrink: 0 }}>
            {t('procedures.eform.goToError')}
          </Button>
          <Text size="sm" c="dimmed" className="cqs-admin-code" style={{ whiteSpace: 'normal' }}>
            {check.detail}
          </Text>
        </Group>
      )}
      {fromServer.length > 0 && (
        <Alert color="red" variant="light" role="alert" title={t('procedures.eform.refused')}>
          <List size="sm">
            {fromServer.map((f) => (
              <List.Item key={f.field}>
                <span className="cqs-admin-code">{f.field.replace(/^body\./, '')}</span>: {f.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group justify="space-between" gap="sm">
        <Text size="sm" c={check.ok ? 'dimmed' : 'red.8'} role="status">
          {check.ok ? (summary() ?? t('procedures.eform.none')) : ''}
        </Text>
        <Group gap="sm">
          <Button variant="default" onClick={format} disabled={!check.ok || !check.value}>
            {t('procedures.eform.format')}
          </Button>
          {draft.eformText && (
            <Button variant="subtle" color="red" onClick={() => update({ eformText: '' })}>
              {t('procedures.eform.clear')}
            </Button>
          )}
        </Group>
      </Group>
    </EditorBlock>
  );
}
