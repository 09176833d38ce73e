import { BarChart } from '@mantine/charts';
import { Box, Button, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../ui/localized';
import type { Overview } from './api';
import { ScrollBox } from './ScrollBox';

/** The year month by month: received beside resolved early, on time and late (stacked). */
export function MonthlyTrend({ trend, year }: { trend: Overview['trend']; year: number }) {
  const { t, i18n } = useTranslation('statistics');
  const [showTable, setShowTable] = useState(false);
  const data = trend.map((m) => ({ ...m, label: t('trend.monthLabel', { n: Number(m.month.slice(5, 7)) }) }));
  const fmt = (v: number) => formatNumber(v, i18n.language);
  return (
    <section aria-labelledby="st-trend">
      <Title order={2} fz="xl" id="st-trend" mb="sm">
        {t('trend.heading', { year })}
      </Title>
      <Box className="st-chart" role="img" aria-label={t('trend.chartLabel', { year })}>
        <BarChart
          h={280}
          data={data}
          dataKey="label"
          series={[
            { name: 'received', label: t('trend.received'), color: 'gray.5', stackId: 'in' },
            { name: 'early', label: t('trend.early'), color: 'teal.7', stackId: 'done' },
            { name: 'onTime', label: t('trend.onTime'), color: 'blue.6', stackId: 'done' },
            { name: 'late', label: t('trend.late'), color: 'red.7', stackId: 'done' },
          ]}
          valueFormatter={fmt}
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          tickLine="y"
        />
      </Box>
      <Button
        variant="subtle"
        size="compact-sm"
        mt="xs"
        onClick={() => setShowTable((s) => !s)}
        aria-expanded={showTable}
      >
        {showTable ? t('trend.hideTable') : t('trend.showTable')}
      </Button>
      {showTable && (
        <ScrollBox label={t('trend.heading', { year })}>
          <Table verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('trend.month')}</Table.Th>
                <Table.Th className="st-num">{t('trend.received')}</Table.Th>
                <Table.Th className="st-num">{t('trend.early')}</Table.Th>
                <Table.Th className="st-num">{t('trend.onTime')}</Table.Th>
                <Table.Th className="st-num">{t('trend.late')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Th scope="row">{m.label}</Table.Th>
                  <Table.Td className="st-num">{fmt(m.received)}</Table.Td>
                  <Table.Td className="st-num">{fmt(m.early)}</Table.Td>
                  <Table.Td className="st-num">{fmt(m.onTime)}</Table.Td>
                  <Table.Td className="st-num">{fmt(m.late)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollBox>
      )}
    </section>
  );
}
