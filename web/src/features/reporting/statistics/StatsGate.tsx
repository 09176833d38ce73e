// Mantine's styles come per component (app/styles.ts): these load with the statistics pages only.
import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/RingProgress.css';
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/Pagination.css';
import '@mantine/core/styles/Combobox.css';
import { Alert, Container, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type Me, signInHref, useAuth } from '../../../app/auth';
import { currentLocation } from '../../../app/router';
import { ErrorState } from '../../../ui/ErrorState';
import { LoadingState } from '../../../ui/LoadingState';
import './i18n';
import './statistics.css';

/**
 * The dashboards are for officials with the right: visitors go to sign in and come back; anyone
 * else signed in is told, politely, who the page is for.
 */
export function StatsGate({
  allowed,
  title,
  notAllowed,
  children,
}: {
  allowed: (me: Me) => boolean;
  title: string;
  notAllowed: string;
  children: (me: Me) => ReactNode;
}) {
  const { t, i18n } = useTranslation('statistics');
  const { state, refresh } = useAuth();

  useEffect(() => {
    if (state.status === 'signedOut') window.location.replace(signInHref(currentLocation(), i18n.language));
  }, [state.status, i18n.language]);

  let body: ReactNode;
  if (state.status === 'signedIn' && allowed(state.me)) body = children(state.me);
  else if (state.status === 'signedIn')
    body = (
      <Stack gap="md" maw={720}>
        <Title order={1} fz={{ base: 26, sm: 32 }}>
          {title}
        </Title>
        <Alert color="blue" variant="light" title={t('gate.notAllowedTitle')}>
          <Text size="sm">{notAllowed}</Text>
        </Alert>
      </Stack>
    );
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={refresh} />;
  else
    body = <LoadingState label={state.status === 'signedOut' ? t('gate.redirecting') : t('gate.loading')} />;
  return (
    <Container size="xl" py="lg" className="st-root">
      {body}
    </Container>
  );
}
