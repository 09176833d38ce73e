import { Alert, Anchor, Card, Container, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { signInHref, useAuth } from '../../../app/auth';
import { currentLocation, Link, useSearchParams } from '../../../app/router';
import { usePageTitle } from '../../../app/title';
import { ErrorState } from '../../../ui/ErrorState';
import { LoadingState } from '../../../ui/LoadingState';
import { useApiQuery } from '../../../ui/useApiQuery';
import '../i18n/plan';
import { dmy, formatPlanNumber, PLANS, type PlanSummary, planHref, takesPartInDx } from './api';
import { ImportForm } from './ImportForm';
import { PlanView } from './PlanView';
import './plan.css';

/** `/chuyen-doi-so/ke-hoach`: the DX plans; `?plan=` one plan with its groups, tasks, KPIs and reports. */
export function PlanPage() {
  const { t, i18n } = useTranslation('plan');
  const { state, refresh } = useAuth();
  const planId = useSearchParams().get('plan');

  useEffect(() => {
    if (state.status === 'signedOut') window.location.replace(signInHref(currentLocation(), i18n.language));
  }, [state.status, i18n.language]);

  let body: React.ReactNode;
  if (state.status === 'signedIn' && takesPartInDx(state.me))
    body = planId ? <PlanView planId={planId} /> : <PlanList />;
  else if (state.status === 'signedIn')
    body = (
      <Alert color="blue" variant="light" title={t('gate.notAllowedTitle')}>
        {t('gate.notAllowedBody')}
      </Alert>
    );
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={refresh} />;
  else
    body = <LoadingState label={state.status === 'signedOut' ? t('gate.redirecting') : t('gate.loading')} />;

  return (
    <Container size="lg" py="lg" className="pl-root">
      {body}
    </Container>
  );
}

function PlanList() {
  const { t, i18n } = useTranslation('plan');
  usePageTitle(t('title'));
  const plans = useApiQuery<{ items: PlanSummary[]; canImport: boolean }>(PLANS, { fresh: true });
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1} fz={{ base: 26, sm: 32 }}>
          {t('title')}
        </Title>
        <Text c="dimmed">{t('intro')}</Text>
      </Stack>
      <Title order={2} fz="xl">
        {t('list.heading')}
      </Title>
      {plans.status === 'error' ? (
        <ErrorState error={plans.error} onRetry={plans.retry} />
      ) : plans.status !== 'success' ? (
        <LoadingState label={t('gate.loading')} />
      ) : (
        <>
          {plans.data.items.length === 0 ? (
            <Text>{t('list.empty')}</Text>
          ) : (
            <Stack gap="sm" component="ul" className="pl-plain-list">
              {plans.data.items.map((p) => (
                <Card key={p.id} component="li" withBorder radius="md" padding="md">
                  <Stack gap={6}>
                    <Anchor
                      component={Link}
                      href={planHref(p.id)}
                      fw={600}
                      aria-label={t('list.open', { number: p.number })}
                    >
                      {p.number} — {p.title}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {t('list.issued', {
                        date: dmy(p.issuedOn),
                        issuer: p.issuer,
                        from: p.fromYear,
                        to: p.toYear,
                      })}
                    </Text>
                    <Text size="sm">
                      {t('list.facts', {
                        done: p.done,
                        tasks: p.tasks,
                        progress: formatPlanNumber(p.averageProgress, i18n.language),
                        due: dmy(p.nextDue),
                      })}
                    </Text>
                  </Stack>
                </Card>
              ))}
            </Stack>
          )}
          {plans.data.canImport && <ImportForm onImported={plans.retry} />}
        </>
      )}
    </Stack>
  );
}
