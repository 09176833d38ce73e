import { Badge, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../ui/LoadingState';
import { formatNumber } from '../../../ui/localized';
import { useApiQuery } from '../../../ui/useApiQuery';
import type { DxKpi } from './dx';
import { ScrollBox } from './ScrollBox';
import { StatsProblem } from './StatsProblem';

/** The plan's KPIs for a year: target, value, met or not (in words, not only colour). */
export function DxKpis({ planId, year }: { planId: string; year: number }) {
  const { t, i18n } = useTranslation('statistics');
  const kpis = useApiQuery<{ items: DxKpi[] }>(
    `/api/reporting/plans/${encodeURIComponent(planId)}/kpis?year=${year}`,
  );
  const fmt = (v: number | null, unit: string) =>
    v === null ? t('common.dash') : `${formatNumber(v, i18n.language, 2)}${unit === '%' ? '%' : ` ${unit}`}`;
  let body: React.ReactNode;
  if (kpis.status === 'error') body = <StatsProblem error={kpis.error} onRetry={kpis.retry} />;
  else if (kpis.status !== 'success') body = <LoadingState label={t('gate.loading')} />;
  else if (kpis.data.items.length === 0) body = <Text>{t('dx.noKpis')}</Text>;
  else
    body = (
      <ScrollBox label={t('dx.kpiHeading', { year })}>
        <Table verticalSpacing="xs" fz="sm" data-testid="dx-kpis">
          <Table.Thead>
            <Table.Tr>
              <Table.Th className="st-rowhead">{t('dx.kpi')}</Table.Th>
              <Table.Th className="st-num">{t('dx.target')}</Table.Th>
              <Table.Th className="st-num">{t('dx.value')}</Table.Th>
              <Table.Th>{t('dx.met')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {kpis.data.items.map((k) => (
              <Table.Tr key={k.id}>
                <Table.Th scope="row" className="st-rowhead">
                  {k.code}. {k.name}
                </Table.Th>
                <Table.Td className="st-num">{fmt(k.target, k.unit)}</Table.Td>
                <Table.Td className="st-num">{fmt(k.value, k.unit)}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={k.met === null ? 'gray' : k.met ? 'teal' : 'red'}
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {k.met === null ? t('dx.metUnknown') : k.met ? t('dx.metYes') : t('dx.metNo')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollBox>
    );
  return (
    <section aria-labelledby="st-dx-kpis">
      <Title order={2} fz="xl" id="st-dx-kpis" mb="sm">
        {t('dx.kpiHeading', { year })}
      </Title>
      {body}
    </section>
  );
}
