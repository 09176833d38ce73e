import { Container } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type Me, signInHref, useAuth } from '../../app/auth';
import { currentLocation } from '../../app/router';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';

/**
 * The citizen's pages are theirs only: a visitor is sent to the platform's sign-in (which offers
 * VNeID when configured) and comes back to the same address, query string included.
 */
export function RequireSignIn({ children }: { children: (me: Me) => ReactNode }) {
  const { t, i18n } = useTranslation();
  const { state, refresh } = useAuth();

  useEffect(() => {
    if (state.status === 'signedOut') window.location.replace(signInHref(currentLocation(), i18n.language));
  }, [state.status, i18n.language]);

  if (state.status === 'signedIn') return <>{children(state.me)}</>;
  return (
    <Container size="lg" py="xl">
      {state.status === 'error' ? (
        <ErrorState error={state.error} onRetry={refresh} />
      ) : (
        <LoadingState label={state.status === 'signedOut' ? t('auth.redirecting') : t('state.loading')} />
      )}
    </Container>
  );
}
