import { Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../ui/LoadingState';
import { formatNumber, pickLocalized } from '../../../ui/localized';
import { useApiQuery } from '../../../ui/useApiQuery';
import { type IndexRanking, rankingUrl } from './api';
import { DownloadLink } from './DownloadLink';
import { formatRate } from './format';
import { ScrollBox } from './ScrollBox';
import { StatsProblem } from './StatsProblem';

/** Departments or communes ranked by their share of the measured points. */
export function IndexRankingTable({
  period,
  level,
  onLevel,
}: {
  period: string;
  level: 'province' | 'commune';
  onLevel: (l: 'province' | 'commune') => void;
}) {
  const { t, i18n } = useTranslation('statistics');
  const ranking = useApiQuery<IndexRanking>(rankingUrl(period, level));
  const data =
    ranking.status === 'success' ? ranking.data : ranking.status === 'loading' ? ranking.previous : undefined;
  const n = (v: number) => formatNumber(v, i18n.language, 2);
  return (
    <section aria-labelledby="st-ranking">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Title order={2} fz="xl" id="st-ranking">
            {t('ranking.heading')}
          </Title>
          <DownloadLink href={rankingUrl(period, level, 'xlsx')} label={t('ranking.xlsx')} />
        </Group>
        <NativeSelect
          label={t('ranking.level')}
          value={level}
          onChange={(e) => onLevel(e.currentTarget.value === 'commune' ? 'commune' : 'province')}
          data={(['province', 'commune'] as const).map((l) => ({
            value: l,
            label: t(`ranking.levels.${l}`),
          }))}
          maw={320}
        />
        {ranking.status === 'error' ? (
          <StatsProblem error={ranking.error} onRetry={ranking.retry} />
        ) : !data ? (
          <LoadingState label={t('gate.loading')} />
        ) : data.rows.length === 0 ? (
          <Text>{t('ranking.empty')}</Text>
        ) : (
          <ScrollBox label={t('ranking.heading')}>
            <Table verticalSpacing="xs" fz="sm" striped data-testid="ranking-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th className="st-num">{t('ranking.rank')}</Table.Th>
                  <Table.Th className="st-rowhead">{t('ranking.name')}</Table.Th>
                  <Table.Th className="st-num">{t('ranking.score')}</Table.Th>
                  <Table.Th className="st-num">{t('ranking.measured')}</Table.Th>
                  <Table.Th className="st-num">{t('ranking.percent')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((r) => (
                  <Table.Tr key={r.agencyId}>
                    <Table.Td className="st-num">{r.rank}</Table.Td>
                    <Table.Th scope="row" className="st-rowhead">
                      {pickLocalized(r.name, i18n.language)}
                    </Table.Th>
                    <Table.Td className="st-num">{n(r.index.total)}</Table.Td>
                    <Table.Td className="st-num">{n(r.index.measuredMax)}</Table.Td>
                    <Table.Td className="st-num">
                      {formatRate(
                        r.index.measuredMax > 0 ? r.index.total / r.index.measuredMax : null,
                        i18n.language,
                        t,
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollBox>
        )}
      </Stack>
    </section>
  );
}
