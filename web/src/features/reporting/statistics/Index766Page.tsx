import '@mantine/charts/styles.css';
import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../app/auth';
import { usePageTitle } from '../../../app/title';
import { LoadingState } from '../../../ui/LoadingState';
import { pickLocalized } from '../../../ui/localized';
import { useApiQuery } from '../../../ui/useApiQuery';
import { type StatsAccess, seesStatistics, useStatsAccess } from './access';
import { type IndexReport, indexUrl } from './api';
import { DownloadLink } from './DownloadLink';
import { DrillProvider } from './DrillDown';
import { formatDay } from './format';
import { IndexGroupTable } from './IndexComponents';
import { IndexGauges } from './IndexGauges';
import { IndexRankingTable } from './IndexRankingTable';
import { PeriodPicker } from './PeriodPicker';
import { StatsFilterBar } from './StatsFilterBar';
import { StatsGate } from './StatsGate';
import { StatsHeader } from './StatsHeader';
import { StatsProblem } from './StatsProblem';
import { PARAM, useStatsQuery } from './useStatsQuery';

/** `/thong-ke/chi-so-766`: the 766 index in detail, and the ranking of departments or communes. */
export function Index766Page() {
  const { t } = useTranslation('statistics');
  return (
    <StatsGate allowed={seesStatistics} title={t('index.title')} notAllowed={t('gate.notAllowedBody')}>
      {(me) => <WithAccess me={me} />}
    </StatsGate>
  );
}

function WithAccess({ me }: { me: Me }) {
  const { t } = useTranslation('statistics');
  const access = useStatsAccess(me);
  if (access.status === 'loading') return <LoadingState label={t('gate.loading')} />;
  return <IndexDetail access={access.access} />;
}

function IndexDetail({ access }: { access: StatsAccess }) {
  const { t, i18n } = useTranslation('statistics');
  usePageTitle(t('index.title'));
  const { filters, level, set } = useStatsQuery(access);
  // The index scores the deciding authority: channel and field do not apply.
  const scope = { period: filters.period, agencyId: filters.agencyId };
  const report = useApiQuery<IndexReport>(indexUrl(filters.period, filters.agencyId));
  const data =
    report.status === 'success' ? report.data : report.status === 'loading' ? report.previous : undefined;
  return (
    <DrillProvider>
      <Stack gap="xl">
        <StatsHeader title={t('index.title')} intro={t('index.intro')} current="index" />
        <Stack gap="sm">
          <PeriodPicker value={filters.period} onChange={(key) => set({ [PARAM.period]: key })} />
          <StatsFilterBar access={access} filters={filters} set={set} withChannelAndField={false} />
        </Stack>
        {report.status === 'error' ? (
          <StatsProblem error={report.error} onRetry={report.retry} />
        ) : !data ? (
          <LoadingState label={t('gate.loading')} />
        ) : (
          <Stack gap="lg">
            <Group justify="space-between" align="flex-end" gap="sm">
              <Stack gap={2}>
                <Text fw={500}>{t('unit', { name: pickLocalized(data.unit.name, i18n.language) })}</Text>
                <Text size="sm" c="dimmed">
                  {t('period.shown', {
                    label: pickLocalized(data.period.label, i18n.language),
                    from: formatDay(data.period.from),
                    to: formatDay(data.period.to),
                    asOf: formatDay(data.period.asOf),
                  })}{' '}
                  {t('index.configFrom', { date: formatDay(data.configEffectiveFrom) })}
                </Text>
              </Stack>
              <DownloadLink
                href={indexUrl(filters.period, filters.agencyId, 'xlsx')}
                label={t('downloads.index')}
              />
            </Group>
            <IndexGauges index={data.index} />
            {data.index.groups.map((g) => (
              <IndexGroupTable key={g.code} group={g} filters={scope} />
            ))}
          </Stack>
        )}
        {access.province && (
          <IndexRankingTable
            period={filters.period}
            level={level}
            onLevel={(l) => set({ [PARAM.level]: l })}
          />
        )}
      </Stack>
    </DrillProvider>
  );
}
