import { BarChart } from '@mantine/charts';
import { Box, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, pickLocalized } from '../../../ui/localized';
import type { Overview } from './api';
import { formatRate } from './format';
import { ScrollBox } from './ScrollBox';

/** Open and overdue dossiers per agency: a bar chart for the eye, the same figures as a table. */
export function OverdueByAgency({ rows }: { rows: Overview['overdueByAgency'] }) {
  const { t, i18n } = useTranslation('statistics');
  const data = rows.map((r) => ({
    name: pickLocalized(r.name, i18n.language),
    open: r.open,
    overdue: r.overdue,
  }));
  const top = data.slice(0, 10);
  return (
    <section aria-labelledby="st-overdue">
      <Title order={2} fz="xl" id="st-overdue" mb="sm">
        {t('overdue.heading')}
      </Title>
      {rows.every((r) => r.overdue === 0) && <Text mb="sm">{t('overdue.none')}</Text>}
      {top.length > 0 && (
        <Box className="st-chart" role="img" aria-label={t('overdue.chartLabel')} mb="sm">
          <BarChart
            h={Math.max(160, top.length * 44)}
            data={top}
            dataKey="name"
            orientation="vertical"
            yAxisProps={{ width: 120, tick: { fontSize: 12 } }}
            series={[
              { name: 'open', label: t('overdue.open'), color: 'blue.6' },
              { name: 'overdue', label: t('overdue.overdue'), color: 'red.7' },
            ]}
            valueFormatter={(v) => formatNumber(v, i18n.language)}
            withLegend
            gridAxis="none"
          />
        </Box>
      )}
      {rows.length > 0 && (
        <ScrollBox label={t('overdue.heading')}>
          <Table verticalSpacing="xs" fz="sm" data-testid="overdue-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('overdue.agency')}</Table.Th>
                <Table.Th className="st-num">{t('overdue.open')}</Table.Th>
                <Table.Th className="st-num">{t('overdue.overdue')}</Table.Th>
                <Table.Th className="st-num">{t('overdue.share')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.agencyId}>
                  <Table.Th scope="row" className="st-rowhead">
                    {pickLocalized(r.name, i18n.language)}
                  </Table.Th>
                  <Table.Td className="st-num">{formatNumber(r.open, i18n.language)}</Table.Td>
                  <Table.Td className="st-num">{formatNumber(r.overdue, i18n.language)}</Table.Td>
                  <Table.Td className="st-num">
                    {formatRate(r.open > 0 ? r.overdue / r.open : null, i18n.language, t)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollBox>
      )}
    </section>
  );
}
