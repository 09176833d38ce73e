import { BarChart } from '@mantine/charts';
import { Box, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../ui/LoadingState';
import { formatNumber } from '../../../ui/localized';
import { useApiQuery } from '../../../ui/useApiQuery';
import type { DxGroup } from './dx';
import { ScrollBox } from './ScrollBox';
import { StatsProblem } from './StatsProblem';

/** The plan's average progress by task group: bars, and the same figures as a table. */
export function DxPlanProgress({ planId }: { planId: string }) {
  const { t, i18n } = useTranslation('statistics');
  const plan = useApiQuery<{ groups: DxGroup[] }>(`/api/reporting/plans/${encodeURIComponent(planId)}`);
  const fmt = (v: number) => formatNumber(v, i18n.language, 1);
  let body: React.ReactNode;
  if (plan.status === 'error') body = <StatsProblem error={plan.error} onRetry={plan.retry} />;
  else if (plan.status !== 'success') body = <LoadingState label={t('gate.loading')} />;
  else {
    const groups = plan.data.groups;
    body = (
      <>
        <Box className="st-chart" role="img" aria-label={t('dx.progressChart')} mb="sm">
          <BarChart
            h={Math.max(160, groups.length * 44)}
            data={groups.map((g) => ({ name: g.code, progress: g.averageProgress }))}
            dataKey="name"
            orientation="vertical"
            yAxisProps={{ width: 56 }}
            xAxisProps={{ domain: [0, 100] }}
            series={[{ name: 'progress', label: t('dx.progress'), color: 'teal.7' }]}
            valueFormatter={(v) => t('common.percent', { value: fmt(v) })}
            gridAxis="none"
          />
        </Box>
        <ScrollBox label={t('dx.progressHeading')}>
          <Table verticalSpacing="xs" fz="sm" data-testid="dx-groups">
            <Table.Thead>
              <Table.Tr>
                <Table.Th className="st-rowhead">{t('dx.group')}</Table.Th>
                <Table.Th className="st-num">{t('dx.tasks')}</Table.Th>
                <Table.Th className="st-num">{t('dx.done')}</Table.Th>
                <Table.Th className="st-num">{t('dx.overdueTasks')}</Table.Th>
                <Table.Th className="st-num">{t('dx.progress')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Th scope="row" className="st-rowhead">
                    {g.code}. {g.name}
                  </Table.Th>
                  <Table.Td className="st-num">{fmt(g.tasks)}</Table.Td>
                  <Table.Td className="st-num">{fmt(g.done)}</Table.Td>
                  <Table.Td className="st-num">{fmt(g.overdue)}</Table.Td>
                  <Table.Td className="st-num">
                    {t('common.percent', { value: fmt(g.averageProgress) })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollBox>
      </>
    );
  }
  return (
    <section aria-labelledby="st-dx-progress">
      <Title order={2} fz="xl" id="st-dx-progress" mb="sm">
        {t('dx.progressHeading')}
      </Title>
      {body}
    </section>
  );
}
