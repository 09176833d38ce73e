import { Alert, Button, Container, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type Me, signInHref, useAuth } from '../../app/auth';
import { currentLocation, Link } from '../../app/router';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { isOfficial } from './api';
import './i18n';
import './workspace.css';

/**
 * The workspace is for officials who handle dossiers. Visitors are sent to sign in (and come
 * back here); citizens and administrators without a handling role are told, politely, why not.
 */
export function OfficialGate({ children }: { children: (me: Me) => ReactNode }) {
  const { t, i18n } = useTranslation('workspace');
  const { state, refresh } = useAuth();

  useEffect(() => {
    if (state.status === 'signedOut') window.location.replace(signInHref(currentLocation(), i18n.language));
  }, [state.status, i18n.language]);

  if (state.status === 'signedIn' && isOfficial(state.me)) return children(state.me);
  return (
    <Container size="lg" py="xl" className="ws-root">
      {state.status === 'signedIn' ? (
        <NotAnOfficial />
      ) : state.status === 'error' ? (
        <ErrorState error={state.error} onRetry={refresh} />
      ) : (
        <LoadingState label={state.status === 'signedOut' ? t('gate.redirecting') : t('gate.loading')} />
      )}
    </Container>
  );
}

function NotAnOfficial() {
  const { t } = useTranslation('workspace');
  return (
    <Stack gap="md" maw={720}>
      <Title order={1} fz={{ base: 26, sm: 32 }}>
        {t('title')}
      </Title>
      <Alert color="blue" variant="light" title={t('gate.notOfficialTitle')}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('gate.notOfficialBody')}</Text>
          <Text size="sm">{t('gate.notOfficialHelp')}</Text>
          <Button component={Link} href="/ho-so" variant="light">
            {t('gate.myDossiers')}
          </Button>
        </Stack>
      </Alert>
    </Stack>
  );
}
