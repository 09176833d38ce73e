import '@mantine/charts/styles.css';
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../app/auth';
import { Link } from '../../../app/router';
import { usePageTitle } from '../../../app/title';
import { LoadingState } from '../../../ui/LoadingState';
import { useApiQuery } from '../../../ui/useApiQuery';
import { type StatsAccess, seesStatistics, useStatsAccess } from './access';
import { INDEX_PAGE, type IndexReport, indexUrl, type Overview, overviewUrl, servicesXlsxUrl } from './api';
import { DownloadLink } from './DownloadLink';
import { DrillProvider } from './DrillDown';
import { formatDay } from './format';
import { IndexGauges } from './IndexGauges';
import { MonthlyTrend } from './MonthlyTrend';
import { OneStopTable } from './OneStopTable';
import { OverdueByAgency } from './OverdueByAgency';
import { PeriodPicker } from './PeriodPicker';
import { yearOf } from './period';
import { QueueCards } from './QueueCards';
import { StatsFilterBar } from './StatsFilterBar';
import { StatsGate } from './StatsGate';
import { StatsHeader } from './StatsHeader';
import { StatsProblem } from './StatsProblem';
import { PARAM, useStatsQuery } from './useStatsQuery';

/** `/thong-ke`: the leaders' overview — today's queues, overdue, the year's trend, 766, one-stop figures. */
export function StatisticsPage() {
  const { t } = useTranslation('statistics');
  return (
    <StatsGate allowed={seesStatistics} title={t('title')} notAllowed={t('gate.notAllowedBody')}>
      {(me) => <WithAccess me={me} />}
    </StatsGate>
  );
}

function WithAccess({ me }: { me: Me }) {
  const { t } = useTranslation('statistics');
  const access = useStatsAccess(me);
  if (access.status === 'loading') return <LoadingState label={t('gate.loading')} />;
  return <Dashboard access={access.access} />;
}

function Dashboard({ access }: { access: StatsAccess }) {
  const { t } = useTranslation('statistics');
  usePageTitle(t('title'));
  const { filters, groupBy, set } = useStatsQuery(access);
  const year = yearOf(filters.period);
  return (
    <DrillProvider>
      <Stack gap="xl">
        <StatsHeader title={t('title')} intro={t('intro')} current="overview" />
        <Stack gap="sm">
          <PeriodPicker value={filters.period} onChange={(key) => set({ [PARAM.period]: key })} />
          <StatsFilterBar access={access} filters={filters} set={set} />
        </Stack>
        <OverviewSections agencyId={filters.agencyId} year={year} />
        <IndexSummary period={filters.period} agencyId={filters.agencyId} />
        <OneStopTable filters={filters} groupBy={groupBy} onGroupBy={(g) => set({ [PARAM.groupBy]: g })} />
        <Group gap="sm">
          <DownloadLink
            href={servicesXlsxUrl(filters.period, filters.agencyId)}
            label={t('downloads.services')}
          />
        </Group>
      </Stack>
    </DrillProvider>
  );
}

function OverviewSections({ agencyId, year }: { agencyId: string | undefined; year: number }) {
  const { t } = useTranslation('statistics');
  const overview = useApiQuery<Overview>(overviewUrl(agencyId, year));
  const data =
    overview.status === 'success'
      ? overview.data
      : overview.status === 'loading'
        ? overview.previous
        : undefined;
  if (overview.status === 'error') return <StatsProblem error={overview.error} onRetry={overview.retry} />;
  if (!data) return <LoadingState label={t('gate.loading')} />;
  return (
    <>
      <Text fw={500} data-testid="stats-unit">
        {t('unit', { name: data.unit })}
      </Text>
      <QueueCards queues={data.queues} />
      <OverdueByAgency rows={data.overdueByAgency} />
      <MonthlyTrend trend={data.trend} year={year} />
    </>
  );
}

function IndexSummary({ period, agencyId }: { period: string; agencyId: string | undefined }) {
  const { t } = useTranslation('statistics');
  const report = useApiQuery<IndexReport>(indexUrl(period, agencyId));
  const data =
    report.status === 'success' ? report.data : report.status === 'loading' ? report.previous : undefined;
  return (
    <section aria-labelledby="st-index">
      <Group justify="space-between" align="flex-end" gap="sm" mb="sm">
        <Title order={2} fz="xl" id="st-index">
          {t('index.heading')}
        </Title>
        <Anchor component={Link} href={`${INDEX_PAGE}${window.location.search}`} fw={500}>
          {t('index.detail')}
        </Anchor>
      </Group>
      {report.status === 'error' ? (
        <StatsProblem error={report.error} onRetry={report.retry} />
      ) : !data ? (
        <LoadingState label={t('gate.loading')} />
      ) : (
        <Stack gap="xs">
          <IndexGauges index={data.index} />
          <Text size="xs" c="dimmed">
            {t('index.configFrom', { date: formatDay(data.configEffectiveFrom) })}
          </Text>
        </Stack>
      )}
    </section>
  );
}
