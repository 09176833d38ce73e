import { Button, Card, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../ui/api';
import { ErrorState } from '../../../ui/ErrorState';
import { LoadingState } from '../../../ui/LoadingState';
import type { QueryResult } from '../../../ui/useApiQuery';
import { asApiError, fieldMessage } from '../errors';
import { weekday, weekdayName } from '../format';
import { RequestError } from '../RequestError';
import { ScrollTable } from '../ScrollTable';
import { type EntryKind, type Schedule, type ScheduleEntry, saveSchedule } from './api';
import '../i18n';

type Row = { date: string; kind: EntryKind; nameVi: string; nameEn: string };

const rowOf = (e: ScheduleEntry): Row => ({
  date: e.date,
  kind: e.kind,
  nameVi: e.name.vi,
  nameEn: e.name.en ?? '',
});

/** The year's official schedule, line by line: days off and make-up working days with their names. */
export function ScheduleEditor({
  year,
  schedule,
  onSaved,
}: {
  year: number;
  schedule: QueryResult<Schedule>;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation('admin');
  const titleId = useId();
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="md">
        <div>
          <Title order={2} fz="h3" id={titleId}>
            {t('holidays.scheduleTitle', { year })}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t('holidays.scheduleIntro')}
          </Text>
        </div>
        {schedule.status === 'error' ? (
          <ErrorState error={schedule.error} onRetry={schedule.retry} />
        ) : schedule.status !== 'success' ? (
          <LoadingState label={t('common.loading')} />
        ) : (
          <Rows year={year} initial={schedule.data.entries.map(rowOf)} onSaved={onSaved} />
        )}
      </Stack>
    </Card>
  );
}

function Rows({
  year,
  initial,
  onSaved,
}: {
  year: number;
  initial: Row[];
  onSaved: (message: string) => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const [rows, setRows] = useState(initial);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const change = (i: number, row: Partial<Row>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...row } : r)));

  const local = (row: Row, i: number) => ({
    date: !/^\d{4}-\d{2}-\d{2}$/.test(row.date)
      ? t('holidays.problems.date')
      : !row.date.startsWith(`${year}-`)
        ? t('holidays.problems.otherYear', { year })
        : rows.findIndex((r) => r.date === row.date) !== i
          ? t('holidays.problems.duplicate')
          : undefined,
    nameVi: row.nameVi.trim() ? undefined : t('holidays.problems.nameVi'),
  });
  const problems = rows.map(local);
  const message = (i: number, field: 'date' | 'nameVi') =>
    (checked ? problems[i]?.[field] : undefined) ??
    fieldMessage(error, i18n.language, `entries.${i}.${field === 'nameVi' ? 'name.vi' : 'date'}`);

  const save = async () => {
    setChecked(true);
    if (problems.some((p) => p.date || p.nameVi)) return;
    setBusy(true);
    setError(null);
    try {
      const entries = [...rows]
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((r) => ({
          date: r.date,
          kind: r.kind,
          name: r.nameEn.trim() ? { vi: r.nameVi.trim(), en: r.nameEn.trim() } : { vi: r.nameVi.trim() },
        }));
      const saved = await saveSchedule(year, entries);
      onSaved(t('holidays.saved', { year, count: saved.entries.length }));
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      {rows.length === 0 ? (
        <Text c="dimmed">{t('holidays.noSchedule', { year })}</Text>
      ) : (
        <ScrollTable
          label={t('holidays.scheduleTitle', { year })}
          minWidth={860}
          data-testid="official-schedule"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('holidays.columns.date')}</Table.Th>
              <Table.Th>{t('holidays.columns.kind')}</Table.Th>
              <Table.Th>{t('holidays.columns.nameVi')}</Table.Th>
              <Table.Th>{t('holidays.columns.nameEn')}</Table.Th>
              <Table.Th>{t('holidays.columns.remove')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, i) => {
              const day = weekday(row.date);
              const unusual = row.kind === 'working_day' && day >= 1 && day <= 5;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: a row being typed has no stable identity (its date changes)
                <Table.Tr key={i}>
                  <Table.Td miw={200}>
                    <TextInput
                      type="date"
                      aria-label={t('holidays.rowDate', { n: i + 1 })}
                      value={row.date}
                      min={`${year}-01-01`}
                      max={`${year}-12-31`}
                      onChange={(e) => change(i, { date: e.currentTarget.value })}
                      error={message(i, 'date')}
                      description={weekdayName(row.date, i18n.language) || undefined}
                    />
                  </Table.Td>
                  <Table.Td miw={210}>
                    <NativeSelect
                      size="md"
                      aria-label={t('holidays.rowKind', { n: i + 1 })}
                      value={row.kind}
                      onChange={(e) => change(i, { kind: e.currentTarget.value as EntryKind })}
                      data={(['day_off', 'working_day'] as const).map((k) => ({
                        value: k,
                        label: t(`holidays.kinds.${k}`),
                      }))}
                      description={unusual ? t('holidays.weekdayMakeUp') : undefined}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('holidays.rowNameVi', { n: i + 1 })}
                      value={row.nameVi}
                      onChange={(e) => change(i, { nameVi: e.currentTarget.value })}
                      error={message(i, 'nameVi')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('holidays.rowNameEn', { n: i + 1 })}
                      value={row.nameEn}
                      onChange={(e) => change(i, { nameEn: e.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      variant="subtle"
                      color="red"
                      onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                      aria-label={t('holidays.removeRow', { n: i + 1 })}
                    >
                      {t('procedures.remove')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </ScrollTable>
      )}
      {error && <RequestError error={error} title={t('holidays.saveFailed')} />}
      <Group justify="space-between" gap="sm">
        <Button
          variant="light"
          onClick={() => setRows((rs) => [...rs, { date: '', kind: 'day_off', nameVi: '', nameEn: '' }])}
        >
          {t('holidays.addRow')}
        </Button>
        <Button onClick={save} loading={busy}>
          {t('holidays.save', { year })}
        </Button>
      </Group>
    </Stack>
  );
}
