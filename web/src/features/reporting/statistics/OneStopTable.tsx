import { Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../ui/LoadingState';
import { formatNumber, pickLocalized } from '../../../ui/localized';
import { useApiQuery } from '../../../ui/useApiQuery';
import {
  type DossierSet,
  type Figures,
  GROUP_BY,
  type GroupBy,
  type OneStopReport,
  oneStopUrl,
  type RateKey,
  rowFilter,
  type StatsFilters,
} from './api';
import { DownloadLink } from './DownloadLink';
import { Figure } from './DrillDown';
import { formatDay, formatRate } from './format';
import { ScrollBox } from './ScrollBox';
import { StatsProblem } from './StatsProblem';

type Column = { kind: 'count'; set: DossierSet } | { kind: 'rate'; rate: RateKey } | { kind: 'rating' };
const COLUMN_SETS: Record<'processing' | 'digital', Column[]> = {
  processing: [
    ...(
      [
        'received',
        'received_online',
        'carried_over',
        'resolved',
        'resolved_early',
        'resolved_on_time',
        'resolved_late',
        'pending',
        'pending_on_time',
        'pending_overdue',
        'refused_at_intake',
        'supplement_requested',
      ] as const
    ).map((set) => ({ kind: 'count', set }) as Column),
    { kind: 'rate', rate: 'inTime' },
  ],
  digital: [
    ...(
      [
        'digitizable',
        'digitized',
        'reused',
        'online_counted',
        'returned_electronic',
        'approved_with_e_result',
        'rated',
        'rated_low',
      ] as const
    ).map((set) => ({ kind: 'count', set }) as Column),
    { kind: 'rate', rate: 'digitization' },
    { kind: 'rate', rate: 'online' },
    { kind: 'rate', rate: 'onlinePayment' },
    { kind: 'rate', rate: 'satisfied' },
    { kind: 'rating' },
  ],
};

/** The one-stop figures of the period, broken down as chosen; every count lists its dossiers. */
export function OneStopTable({
  filters,
  groupBy,
  onGroupBy,
}: {
  filters: StatsFilters;
  groupBy: GroupBy;
  onGroupBy: (g: GroupBy) => void;
}) {
  const { t, i18n } = useTranslation('statistics');
  const [columns, setColumns] = useState<'processing' | 'digital'>('processing');
  const report = useApiQuery<OneStopReport>(oneStopUrl(filters, groupBy));
  const data =
    report.status === 'success' ? report.data : report.status === 'loading' ? report.previous : undefined;
  return (
    <section aria-labelledby="st-onestop">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Title order={2} fz="xl" id="st-onestop">
            {t('table.heading')}
          </Title>
          <Group gap="xs">
            <DownloadLink href={oneStopUrl(filters, groupBy, 'xlsx')} label={t('downloads.oneStop')} />
            <DownloadLink href={oneStopUrl(filters, groupBy, 'pdf')} label={t('downloads.oneStopPdf')} />
          </Group>
        </Group>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('table.groupBy')}
            value={groupBy}
            onChange={(e) => onGroupBy(e.currentTarget.value as GroupBy)}
            data={GROUP_BY.map((g) => ({ value: g, label: t(`table.groups.${g}`) }))}
          />
          <NativeSelect
            label={t('table.columns')}
            value={columns}
            onChange={(e) => setColumns(e.currentTarget.value === 'digital' ? 'digital' : 'processing')}
            data={[
              { value: 'processing', label: t('table.columnSets.processing') },
              { value: 'digital', label: t('table.columnSets.digital') },
            ]}
            maw="100%"
          />
        </Group>
        {report.status === 'error' ? (
          <StatsProblem error={report.error} onRetry={report.retry} />
        ) : !data ? (
          <LoadingState label={t('gate.loading')} />
        ) : (
          <>
            <Text size="sm" c="dimmed" data-testid="period-shown">
              {t('period.shown', {
                label: pickLocalized(data.period.label, i18n.language),
                from: formatDay(data.period.from),
                to: formatDay(data.period.to),
                asOf: formatDay(data.period.asOf),
              })}
            </Text>
            <FiguresTable report={data} filters={filters} groupBy={groupBy} columns={COLUMN_SETS[columns]} />
          </>
        )}
      </Stack>
    </section>
  );
}

function FiguresTable({
  report,
  filters,
  groupBy,
  columns,
}: {
  report: OneStopReport;
  filters: StatsFilters;
  groupBy: GroupBy;
  columns: Column[];
}) {
  const { t, i18n } = useTranslation('statistics');
  const caption = t('table.caption', {
    period: pickLocalized(report.period.label, i18n.language),
    by: t(`table.groups.${groupBy}`),
  });
  const rows = groupBy === 'none' ? [] : report.rows;
  const header = (c: Column) =>
    c.kind === 'count'
      ? t(`table.counts.${c.set}`)
      : c.kind === 'rate'
        ? t(`table.rates.${c.rate}`)
        : t('table.averageRating');
  const cells = (f: Figures, scope: StatsFilters | null, rowName: string) =>
    columns.map((c) => (
      <Table.Td key={c.kind === 'count' ? c.set : c.kind === 'rate' ? c.rate : 'rating'} className="st-num">
        {c.kind === 'count' ? (
          <Figure value={f.counts[c.set]} set={c.set} filters={scope} what={header(c)} row={rowName} />
        ) : c.kind === 'rate' ? (
          c.rate === 'onlinePayment' && f.rates.onlinePayment === null ? (
            t('table.notMeasured')
          ) : (
            formatRate(f.rates[c.rate], i18n.language, t)
          )
        ) : f.averageRating === null ? (
          '—'
        ) : (
          formatNumber(f.averageRating, i18n.language, 2)
        )}
      </Table.Td>
    ));
  return (
    <ScrollBox label={caption}>
      <Table verticalSpacing="xs" fz="sm" striped data-testid="one-stop-table">
        <caption className="st-caption">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th className="st-rowhead">{t('table.row')}</Table.Th>
            {columns.map((c) => (
              <Table.Th key={header(c)} className="st-num st-colhead">
                {header(c)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const narrow = rowFilter(groupBy, r.key);
            const name = pickLocalized(r.label, i18n.language);
            return (
              <Table.Tr key={r.key}>
                <Table.Th scope="row" className="st-rowhead">
                  {name}
                </Table.Th>
                {cells(r, narrow ? { ...filters, ...narrow } : null, name)}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" className="st-rowhead">
              {t('table.total')}
            </Table.Th>
            {cells(report.total, filters, t('table.total'))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollBox>
  );
}
