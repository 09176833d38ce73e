import { Alert, Anchor, Badge, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { signInHref, useAuth } from '../../../app/auth';
import { currentLocation, Link, useSearchParams } from '../../../app/router';
import { usePageTitle } from '../../../app/title';
import { ErrorState } from '../../../ui/ErrorState';
import { LoadingState } from '../../../ui/LoadingState';
import { useApiQuery } from '../../../ui/useApiQuery';
import '../i18n/scorecards';
import { API, formatScore, type SetSummary, setHref, takesPartInDx } from './api';
import { ScorecardAssessment } from './ScorecardAssessment';
import { ScorecardSetView } from './ScorecardSetView';
import './scorecards.css';

/**
 * `/chuyen-doi-so/bo-chi-so`: the criteria sets; `?bo=` one set with its ranking and units;
 * `&don-vi=` one unit's self-assessment (or the DX office's review of it).
 */
export function ScorecardsPage() {
  const { t, i18n } = useTranslation('scorecards');
  const { state, refresh } = useAuth();
  const query = useSearchParams();
  const setId = query.get('bo');
  const agencyId = query.get('don-vi');

  useEffect(() => {
    if (state.status === 'signedOut') window.location.replace(signInHref(currentLocation(), i18n.language));
  }, [state.status, i18n.language]);

  let body: React.ReactNode;
  if (state.status === 'signedIn' && takesPartInDx(state.me)) {
    body =
      setId && agencyId ? (
        <ScorecardAssessment setId={setId} agencyId={agencyId} />
      ) : setId ? (
        <ScorecardSetView setId={setId} />
      ) : (
        <SetList />
      );
  } else if (state.status === 'signedIn') {
    body = (
      <Alert color="blue" variant="light" title={t('gate.notAllowedTitle')}>
        {t('gate.notAllowedBody')}
      </Alert>
    );
  } else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={refresh} />;
  else
    body = <LoadingState label={state.status === 'signedOut' ? t('gate.redirecting') : t('gate.loading')} />;

  return (
    <Container size="lg" py="lg" className="sc-root">
      {body}
    </Container>
  );
}

function SetList() {
  const { t, i18n } = useTranslation('scorecards');
  usePageTitle(t('title'));
  const sets = useApiQuery<{ items: SetSummary[] }>(API, { fresh: true });
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1} fz={{ base: 26, sm: 32 }}>
          {t('title')}
        </Title>
        <Text c="dimmed">{t('intro')}</Text>
      </Stack>
      <Title order={2} fz="xl">
        {t('sets.heading')}
      </Title>
      {sets.status === 'error' ? (
        <ErrorState error={sets.error} onRetry={sets.retry} />
      ) : sets.status !== 'success' ? (
        <LoadingState label={t('gate.loading')} />
      ) : sets.data.items.length === 0 ? (
        <Text>{t('sets.empty')}</Text>
      ) : (
        <Stack gap="sm" component="ul" className="sc-plain-list">
          {sets.data.items.map((s) => (
            <Card key={s.id} component="li" withBorder radius="md" padding="md">
              <Stack gap={6}>
                <Group gap="xs">
                  <Badge variant="light" color="gray">
                    {t('sets.year', { year: s.year })}
                  </Badge>
                  <Badge
                    variant="light"
                    color={s.status === 'open' ? 'green' : s.status === 'draft' ? 'yellow' : 'gray'}
                  >
                    {t(`status.${s.status}`)}
                  </Badge>
                  <Text size="sm" c="dimmed">
                    {t(`subject.${s.subjectKind}`)} · {s.code}
                  </Text>
                </Group>
                <Anchor
                  component={Link}
                  href={setHref(s.id)}
                  fw={600}
                  aria-label={t('sets.open', { name: s.name })}
                >
                  {s.name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t('sets.facts', {
                    count: s.indicatorCount,
                    max: formatScore(s.maxTotal, i18n.language),
                    submitted: s.submitted,
                    reviewed: s.reviewed,
                  })}
                </Text>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
