import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../app/router';
import { usePageTitle } from '../../../app/title';
import { ErrorState } from '../../../ui/ErrorState';
import { LoadingState } from '../../../ui/LoadingState';
import { useApiQuery } from '../../../ui/useApiQuery';
import {
  type Deadline,
  dmy,
  formatPlanNumber,
  type Kpi,
  PAGE,
  PLANS,
  type PlanDetail,
  periodsOf,
} from './api';
import { TaskTable } from './TaskTable';

/** One plan: the report downloads, progress by group, KPIs against targets, and the tasks. */
export function PlanView({ planId }: { planId: string }) {
  const { t } = useTranslation('plan');
  const plan = useApiQuery<PlanDetail>(`${PLANS}/${encodeURIComponent(planId)}`, { fresh: true });
  // While a report reloads the plan, the last answer stays on screen (the open task keeps its dialog).
  const p = plan.status === 'success' ? plan.data : plan.status === 'loading' ? plan.previous : undefined;
  usePageTitle(p ? `${p.number} — ${t('title')}` : t('title'));
  if (plan.status === 'error') return <ErrorState error={plan.error} onRetry={plan.retry} />;
  if (!p) return <LoadingState label={t('gate.loading')} />;
  return (
    <Stack gap="lg">
      <Anchor component={Link} href={PAGE} size="sm">
        {t('plan.back')}
      </Anchor>
      <Stack gap={4}>
        <Title order={1} fz={{ base: 22, sm: 28 }}>
          {p.number} — {p.title}
        </Title>
        <Text size="sm" c="dimmed">
          {t('plan.meta', { date: dmy(p.issuedOn), issuer: p.issuer, from: p.fromYear, to: p.toYear })}
        </Text>
        {p.leadName && <Text size="sm">{t('plan.lead', { name: p.leadName })}</Text>}
        {!p.wholePlan && <Text size="sm">{t('plan.ownTasksOnly')}</Text>}
      </Stack>
      {p.wholePlan && <Downloads plan={p} />}
      <Groups plan={p} />
      {p.wholePlan && <Kpis plan={p} />}
      <TaskTable plan={p} onChanged={plan.retry} />
    </Stack>
  );
}

function Downloads({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation('plan');
  const periods = periodsOf(plan);
  const [period, setPeriod] = useState(plan.currentPeriod);
  const deadlines = useApiQuery<{ items: Deadline[] }>(`${PLANS}/${plan.id}/deadlines`);
  const label = (key: string) =>
    key.endsWith('-H1') ? t('downloads.half', { year: key.slice(0, 4) }) : t('downloads.year', { year: key });
  const href = (format: 'xlsx' | 'pdf') =>
    `${PLANS}/${plan.id}/report?period=${encodeURIComponent(period)}&format=${format}`;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="pl-downloads">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="pl-downloads">
          {t('downloads.heading')}
        </Title>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('downloads.period')}
            data={periods.map((value) => ({ value, label: label(value) }))}
            value={period}
            onChange={(v) => v && setPeriod(v)}
            allowDeselect={false}
            w={{ base: '100%', xs: 220 }}
          />
          <Button component="a" href={href('xlsx')} download variant="light">
            {t('downloads.xlsx')}
          </Button>
          <Button component="a" href={href('pdf')} download variant="light">
            {t('downloads.pdf')}
          </Button>
        </Group>
        {deadlines.status === 'success' && deadlines.data.items.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('downloads.deadlines')}
            </Text>
            {deadlines.data.items.slice(0, 2).map((d) => (
              <Text size="sm" key={d.period}>
                {t('downloads.due', {
                  label: i18n.language === 'en' ? d.label.en : d.label.vi,
                  date: dmy(d.due),
                })}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function Groups({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation('plan');
  const total = plan.groups.reduce((s, g) => s + g.tasks, 0);
  const done = plan.groups.reduce((s, g) => s + g.done, 0);
  return (
    <Stack gap="sm" component="section" aria-labelledby="pl-groups">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} fz="xl" id="pl-groups">
          {t('groups.heading')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('plan.summary', { done, tasks: total })}
        </Text>
      </Group>
      <div className="pl-groups">
        {plan.groups.map((g) => (
          <Card key={g.id} withBorder radius="md" padding="md" data-group={g.code}>
            <Stack gap={6}>
              <Text fw={600}>
                {g.code}. {g.name}
              </Text>
              <Text size="sm">
                {t('groups.counts', {
                  tasks: g.tasks,
                  done: g.done,
                  inProgress: g.inProgress,
                  notStarted: g.notStarted,
                })}
              </Text>
              <Group gap="xs" wrap="nowrap">
                <Progress
                  value={g.averageProgress}
                  flex={1}
                  size="lg"
                  color={g.averageProgress >= 100 ? 'green' : 'blue'}
                  aria-label={t('groups.progress', {
                    name: g.name,
                    value: formatPlanNumber(g.averageProgress, i18n.language),
                  })}
                />
                <Text size="sm" className="pl-num">
                  {formatPlanNumber(g.averageProgress, i18n.language)}%
                </Text>
              </Group>
              {g.overdue > 0 && (
                <Badge color="red" variant="light">
                  {t('groups.overdue', { count: g.overdue })}
                </Badge>
              )}
            </Stack>
          </Card>
        ))}
      </div>
    </Stack>
  );
}

function Kpis({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation('plan');
  const year = Number(plan.currentPeriod.slice(0, 4));
  const kpis = useApiQuery<{ items: Kpi[] }>(`${PLANS}/${plan.id}/kpis?year=${year}`);
  const fmt = (v: number, unit: string) =>
    `${formatPlanNumber(v, i18n.language)}${unit === '%' ? '%' : ` ${unit}`}`;
  const rows = useMemo(() => (kpis.status === 'success' ? kpis.data.items : []), [kpis]);
  return (
    <Stack gap="sm" component="section" aria-labelledby="pl-kpis">
      <Title order={2} fz="xl" id="pl-kpis">
        {t('kpis.heading', { year })}
      </Title>
      {kpis.status === 'error' ? (
        <ErrorState error={kpis.error} onRetry={kpis.retry} />
      ) : kpis.status !== 'success' ? (
        <LoadingState label={t('gate.loading')} />
      ) : rows.length === 0 ? (
        <Text>{t('kpis.empty')}</Text>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        <section className="pl-scroll" tabIndex={0} aria-labelledby="pl-kpis">
          <Table miw={560} verticalSpacing="xs" horizontalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('kpis.name')}</Table.Th>
                <Table.Th className="pl-num">{t('kpis.target')}</Table.Th>
                <Table.Th className="pl-num">{t('kpis.value')}</Table.Th>
                <Table.Th>{t('kpis.assessment')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Td>
                    <Text size="sm">{k.name}</Text>
                    <Text size="xs" c="dimmed">
                      {k.code}
                      {k.source ? ` · ${t(`kpis.${k.source}`)}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td className="pl-num">
                    {k.target === null
                      ? '—'
                      : t('kpis.targetOf', { value: fmt(k.target, k.unit), year: k.targetYear })}
                  </Table.Td>
                  <Table.Td className="pl-num">{k.value === null ? '—' : fmt(k.value, k.unit)}</Table.Td>
                  <Table.Td>
                    <Badge color={k.met === null ? 'gray' : k.met ? 'green' : 'orange'} variant="light">
                      {k.met === null ? t('kpis.noData') : k.met ? t('kpis.met') : t('kpis.notMet')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      )}
    </Stack>
  );
}
