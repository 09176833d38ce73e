import { Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../ui/LoadingState';
import { formatNumber } from '../../../ui/localized';
import { useApiQuery } from '../../../ui/useApiQuery';
import { type ProcedureList, proceduresUrl, type StatsFilters } from './api';
import { ScrollBox } from './ScrollBox';
import { StatsProblem } from './StatsProblem';

/** The procedures behind a 766 procedure count (offered online, with dossiers, with a fee). */
export function ProcedureDrillList({
  set,
  filters,
  title,
}: {
  set: string;
  filters: StatsFilters;
  title: string;
}) {
  const { t, i18n } = useTranslation('statistics');
  const list = useApiQuery<ProcedureList>(proceduresUrl(filters, set));
  if (list.status === 'error') return <StatsProblem error={list.error} onRetry={list.retry} />;
  if (list.status !== 'success') return <LoadingState label={t('gate.loading')} />;
  const data = list.data;
  return (
    <Stack gap="sm" data-testid="procedure-list">
      <Text fw={600} aria-live="polite">
        {t('drill.procedureTotal', { count: data.total, formatted: formatNumber(data.total, i18n.language) })}
      </Text>
      <ScrollBox label={title}>
        <Table striped verticalSpacing="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('drill.procedure')}</Table.Th>
              <Table.Th>{t('drill.online')}</Table.Th>
              <Table.Th className="st-num">{t('drill.received')}</Table.Th>
              <Table.Th className="st-num">{t('drill.receivedOnline')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((p) => (
              <Table.Tr key={p.code}>
                <Table.Td miw={240}>
                  {p.name} ({p.code})
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={p.kind === 'offline' ? 'gray' : 'blue'}>
                    {t(`drill.kinds.${p.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td className="st-num">{formatNumber(p.received, i18n.language)}</Table.Td>
                <Table.Td className="st-num">{formatNumber(p.receivedOnline, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollBox>
    </Stack>
  );
}
