import '@mantine/charts/styles.css';
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../app/auth';
import { Link } from '../../../app/router';
import { usePageTitle } from '../../../app/title';
import { LoadingState } from '../../../ui/LoadingState';
import { useApiQuery } from '../../../ui/useApiQuery';
import { seesStatistics, takesPartInDx } from './access';
import { STATS_PAGE } from './api';
import { DxKpis } from './DxKpis';
import { DxPlanProgress } from './DxPlanProgress';
import { DxScorecardTop } from './DxScorecardTop';
import { type DxPlanSummary, PLAN_PAGE, planLink, SCORECARDS_PAGE } from './dx';
import { currentYear } from './period';
import { StatsGate } from './StatsGate';
import { StatsProblem } from './StatsProblem';

/** `/chuyen-doi-so`: the DX office's dashboard — the plan by group, KPIs vs targets, the scorecard ranking. */
export function DxDashboardPage() {
  const { t } = useTranslation('statistics');
  return (
    <StatsGate allowed={takesPartInDx} title={t('dx.title')} notAllowed={t('dx.notAllowedBody')}>
      {(me) => <DxDashboard me={me} />}
    </StatsGate>
  );
}

function DxDashboard({ me }: { me: Me }) {
  const { t } = useTranslation('statistics');
  usePageTitle(t('dx.title'));
  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Title order={1} fz={{ base: 26, sm: 32 }}>
          {t('dx.title')}
        </Title>
        <Text c="dimmed">{t('dx.intro')}</Text>
        {/* The nav has one entry for digital transformation; its pages are reached from here. */}
        <Group gap="sm" wrap="wrap">
          <Button component={Link} href={PLAN_PAGE} variant="light">
            {t('dx.planPage')}
          </Button>
          <Button component={Link} href={SCORECARDS_PAGE} variant="light">
            {t('dx.scorecardsPage')}
          </Button>
        </Group>
        {seesStatistics(me) && (
          <Anchor component={Link} href={STATS_PAGE} fw={500}>
            {t('dx.statsLink')}
          </Anchor>
        )}
      </Stack>
      <CurrentPlan />
      <DxScorecardTop />
    </Stack>
  );
}

/** The plan in force this year (else the newest): its groups' progress and its KPIs. */
function CurrentPlan() {
  const { t } = useTranslation('statistics');
  const plans = useApiQuery<{ items: DxPlanSummary[] }>('/api/reporting/plans');
  if (plans.status === 'error') return <StatsProblem error={plans.error} onRetry={plans.retry} />;
  if (plans.status !== 'success') return <LoadingState label={t('gate.loading')} />;
  const year = currentYear();
  const plan =
    plans.data.items.find((p) => p.fromYear <= year && year <= p.toYear) ?? plans.data.items[0] ?? null;
  if (!plan)
    return (
      <Stack gap="xs">
        <Text>{t('dx.noPlan')}</Text>
        <Anchor component={Link} href={PLAN_PAGE}>
          {t('dx.openPlan')}
        </Anchor>
      </Stack>
    );
  const kpiYear = Math.min(plan.toYear, Math.max(plan.fromYear, year));
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text fw={600}>{t('dx.plan', { number: plan.number, title: plan.title })}</Text>
        <Anchor component={Link} href={planLink(plan.id)} fw={500}>
          {t('dx.openPlan')}
        </Anchor>
      </Group>
      <DxPlanProgress planId={plan.id} />
      <DxKpis planId={plan.id} year={kpiYear} />
    </Stack>
  );
}
