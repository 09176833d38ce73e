import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../../../ui/api';
import { SearchIcon } from '../../../ui/icons';
import { LoadingState } from '../../../ui/LoadingState';
import { pickLocalized } from '../../../ui/localized';
import { useApiQuery } from '../../../ui/useApiQuery';
import type { Procedure, ProcedureSummary } from '../api';
import { errorText } from '../format';

export interface ProcedurePickerProps {
  value: Procedure | null;
  onChange: (procedure: Procedure | null) => void;
  error?: string;
}

/** Finds the procedure by name (no diacritics needed, typos tolerated) or national code. */
export function ProcedurePicker({ value, onChange, error }: ProcedurePickerProps) {
  const { t, i18n } = useTranslation('workspace');
  const lang = i18n.language;
  const [typed, setTyped] = useState('');
  const [q] = useDebouncedValue(typed.trim(), 300);
  const found = useApiQuery<{ items: ProcedureSummary[]; total: number }>(
    !value && q.length >= 2 ? `/api/catalog/procedures?q=${encodeURIComponent(q)}&limit=8` : null,
  );
  const [picking, setPicking] = useState<string | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);

  const pick = async (code: string) => {
    setPicking(code);
    setPickError(null);
    try {
      onChange(await getJson<Procedure>(`/api/catalog/procedures/${encodeURIComponent(code)}`));
    } catch (e) {
      setPickError(errorText(e, lang, t('intake.procedureFailed')));
    } finally {
      setPicking(null);
    }
  };

  if (value)
    return (
      <Paper withBorder p="md" data-testid="picked-procedure">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} style={{ flex: '1 1 18rem', minWidth: 0 }}>
            <Text fw={600}>{pickLocalized(value.name, lang)}</Text>
            <Text size="sm" c="dimmed">
              {t('intake.procedureMeta', {
                code: value.code,
                time: value.processingTimeText ?? t('intake.noTime'),
                authority: value.competentAuthority ?? t('intake.byCommune'),
              })}
            </Text>
          </Stack>
          <Button variant="default" onClick={() => onChange(null)}>
            {t('intake.changeProcedure')}
          </Button>
        </Group>
      </Paper>
    );

  const items =
    found.status === 'success'
      ? found.data.items
      : found.status === 'loading'
        ? found.previous?.items
        : undefined;
  return (
    <Stack gap="sm">
      <TextInput
        id="procedure-search"
        type="search"
        label={t('intake.procedureSearch')}
        description={t('intake.procedureSearchHelp')}
        value={typed}
        onChange={(e) => setTyped(e.currentTarget.value)}
        leftSection={<SearchIcon size={18} />}
        error={error}
        autoComplete="off"
      />
      {pickError && (
        <Text c="#9b1c1c" size="sm" role="alert">
          {pickError}
        </Text>
      )}
      {found.status === 'error' && (
        <Alert color="red" variant="light" role="alert">
          {errorText(found.error, lang, t('intake.procedureFailed'))}
        </Alert>
      )}
      {found.status === 'loading' && !items && <LoadingState label={t('intake.searching')} />}
      {items && items.length === 0 && <Text c="dimmed">{t('intake.noProcedure', { q })}</Text>}
      {items && items.length > 0 && (
        <ul className="ws-list" aria-label={t('intake.procedureResults')}>
          {items.map((p) => (
            <li key={p.code}>
              <Group justify="space-between" gap="sm" py="xs" wrap="nowrap">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500}>
                    {pickLocalized(p.name, lang)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {p.code} · {p.processingTimeText ?? t('intake.noTime')} ·{' '}
                    {p.levels.map((l) => t(`level.${l}`, { defaultValue: l })).join(', ')}
                  </Text>
                </div>
                <Button
                  variant="light"
                  onClick={() => pick(p.code)}
                  loading={picking === p.code}
                  aria-label={t('intake.pickLabel', { name: pickLocalized(p.name, lang), code: p.code })}
                >
                  {t('intake.pick')}
                </Button>
              </Group>
            </li>
          ))}
        </ul>
      )}
    </Stack>
  );
}
