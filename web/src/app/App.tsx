import { Alert, Button, Container, MantineProvider, Stack, Text, Title } from '@mantine/core';
import { lazy, type ReactNode, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { HomePage } from '../features/home/HomePage';
import { LoadingState } from '../ui/LoadingState';
import { pickLocalized } from '../ui/localized';
import { AppFooter } from './AppFooter';
import { AppHeader } from './AppHeader';
import { AuthProvider, useAuth } from './auth';
import { Link, navigate, usePath } from './router';
import { placeTitle, SiteProvider, useSite } from './site';
import { theme } from './theme';

// Pages other than the home page load on demand: the first visit downloads only what it shows.
const AccountPage = lazy(() =>
  import('../features/identity/AccountPage').then((m) => ({ default: m.AccountPage })),
);

const TrackPage = lazy(() =>
  import('../features/dossiers/TrackPage').then((m) => ({ default: m.TrackPage })),
);

type PageKey = 'home' | 'account' | 'track' | 'notFound';

const routes: Record<string, PageKey> = {
  '/': 'home',
  '/tai-khoan': 'account',
  '/tra-cuu': 'track',
};

function routeOf(path: string): PageKey {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return routes[normalized] ?? 'notFound';
}

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <SiteProvider>
        <AuthProvider>
          <Shell />
        </AuthProvider>
      </SiteProvider>
    </MantineProvider>
  );
}

function Shell() {
  const { t, i18n } = useTranslation();
  const site = useSite();
  const info = site.status === 'success' ? site.data : undefined;
  const path = usePath();
  const page = routeOf(path);

  useEffect(() => {
    const base = info
      ? t('app.documentTitle', {
          platform: pickLocalized(info.platformName, i18n.language),
          place: placeTitle(t, info.province),
        })
      : t('app.name');
    const pageTitle =
      page === 'account'
        ? t('account.title')
        : page === 'track'
          ? t('track.title')
          : page === 'notFound'
            ? t('nav.notFoundTitle')
            : null;
    document.title = pageTitle ? `${pageTitle} — ${base}` : base;
  }, [info, t, i18n.language, page]);

  // After moving to another page, start reading it from the top (screen readers included).
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(path);
  useEffect(() => {
    if (shownPath.current === path) return;
    shownPath.current = path;
    mainRef.current?.focus({ preventScroll: true });
  }, [path]);

  let content: ReactNode;
  if (page === 'home') content = <HomePage />;
  else if (page === 'account')
    content = (
      <Suspense fallback={<LoadingState label={t('account.loading')} />}>
        <AccountPage />
      </Suspense>
    );
  else if (page === 'track')
    content = (
      <Suspense fallback={<LoadingState label={t('state.loading')} />}>
        <TrackPage />
      </Suspense>
    );
  else content = <NotFound />;

  return (
    <div className="cqs-shell">
      <a className="cqs-skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader />
      <Notices />
      <main id="main" tabIndex={-1} ref={mainRef}>
        {content}
      </main>
      <AppFooter />
    </div>
  );
}

/** What the sign-in or sign-out left to say: a failed sign-in comes back as `/?signin_error=…`. */
function Notices() {
  const { t } = useTranslation();
  const { signOutFailed, dismissSignOutFailed } = useAuth();
  usePath();
  const signInFailed = new URLSearchParams(window.location.search).has('signin_error');
  if (!signInFailed && !signOutFailed) return null;
  const dismiss = () => {
    if (signOutFailed) dismissSignOutFailed();
    if (signInFailed) navigate(window.location.pathname, { replace: true });
  };
  return (
    <Container size="lg" pt="md">
      <Alert
        color="red"
        variant="light"
        role="alert"
        withCloseButton
        closeButtonLabel={t('auth.dismiss')}
        onClose={dismiss}
      >
        {signOutFailed ? t('auth.signOutFailed') : t('auth.signInFailed')}
      </Alert>
    </Container>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Container size="md" py="xl">
      <Stack gap="md" align="flex-start">
        <Title order={1} fz={{ base: 26, sm: 32 }}>
          {t('nav.notFoundTitle')}
        </Title>
        <Text>{t('nav.notFoundBody')}</Text>
        <Button component={Link} href="/">
          {t('nav.backHome')}
        </Button>
      </Stack>
    </Container>
  );
}
