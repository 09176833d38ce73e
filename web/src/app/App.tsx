import { Alert, Button, Container, MantineProvider, Stack, Text, Title } from '@mantine/core';
import { type ComponentType, lazy, type ReactNode, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { HomePage } from '../features/home/HomePage';
import { LoadingState } from '../ui/LoadingState';
import { AppFooter } from './AppFooter';
import { AppHeader } from './AppHeader';
import { AuthProvider, useAuth } from './auth';
import { MainNav } from './MainNav';
import { Link, matchPattern, navigate, type PageProps, usePath } from './router';
import { SiteProvider } from './site';
import { theme } from './theme';
import { usePageTitle } from './title';

// Pages other than the home page load on demand: the first visit downloads only what it shows.
// (The home page stays in the main script: split off, its code came in a dozen small files.)
// Each page gets the path's parameters (`/thu-tuc/:code` → `{ code }`) and sets its own title.
type Page = ComponentType<PageProps> & { load?: () => Promise<unknown> };
const page = (load: () => Promise<ComponentType<PageProps>>): Page => {
  let loaded: ComponentType<PageProps> | undefined;
  const loading = () =>
    load().then((Component) => {
      loaded = Component;
      return Component;
    });
  const Lazy = lazy(() =>
    loaded
      ? // Code already here (loadPage): a thenable that answers at once, which React.lazy takes
        // without suspending, so the page renders in the first pass instead of a spinner.
        ({
          // biome-ignore lint/suspicious/noThenProperty: a thenable on purpose (React.lazy's contract)
          then: (done: (m: { default: ComponentType<PageProps> }) => void) => done({ default: loaded! }),
        } as unknown as Promise<{ default: ComponentType<PageProps> }>)
      : loading().then((Component) => ({ default: Component })),
  );
  return Object.assign(Lazy, { load: loading });
};

const routes: { pattern: string; component: Page }[] = [
  { pattern: '/', component: HomePage },
  {
    pattern: '/tai-khoan',
    component: page(() => import('../features/identity/AccountPage').then((m) => m.AccountPage)),
  },
  {
    pattern: '/tra-cuu',
    component: page(() => import('../features/dossiers/TrackPage').then((m) => m.TrackPage)),
  },
  // Citizen portal: the catalogue, filing online, one's own dossiers and notices.
  {
    pattern: '/thu-tuc',
    component: page(() => import('../features/catalog/CatalogPage').then((m) => m.CatalogPage)),
  },
  {
    pattern: '/thu-tuc/:code',
    component: page(() => import('../features/catalog/ProcedurePage').then((m) => m.ProcedurePage)),
  },
  {
    pattern: '/nop-ho-so/:code',
    component: page(() => import('../features/dossiers/SubmitPage').then((m) => m.SubmitPage)),
  },
  {
    pattern: '/ho-so',
    component: page(() => import('../features/dossiers/MyDossiersPage').then((m) => m.MyDossiersPage)),
  },
  {
    pattern: '/ho-so/:id',
    component: page(() => import('../features/dossiers/MyDossierPage').then((m) => m.MyDossierPage)),
  },
  {
    pattern: '/thong-bao',
    component: page(() => import('../features/dossiers/NotificationsPage').then((m) => m.NotificationsPage)),
  },
  // Officials' workspace.
  {
    pattern: '/can-bo',
    component: page(() => import('../features/workspace/WorkspacePage').then((m) => m.WorkspacePage)),
  },
  {
    pattern: '/can-bo/tiep-nhan',
    component: page(() => import('../features/workspace/CounterIntakePage').then((m) => m.CounterIntakePage)),
  },
  {
    pattern: '/can-bo/ho-so/:id',
    component: page(() => import('../features/workspace/CaseworkPage').then((m) => m.CaseworkPage)),
  },
  // Statistics for leaders and the DX office (thống kê), and the DX office's dashboard.
  {
    pattern: '/thong-ke',
    component: page(() =>
      import('../features/reporting/statistics/StatisticsPage').then((m) => m.StatisticsPage),
    ),
  },
  {
    pattern: '/thong-ke/chi-so-766',
    component: page(() =>
      import('../features/reporting/statistics/Index766Page').then((m) => m.Index766Page),
    ),
  },
  {
    pattern: '/chuyen-doi-so',
    component: page(() =>
      import('../features/reporting/statistics/DxDashboardPage').then((m) => m.DxDashboardPage),
    ),
  },
  // Digital transformation: the DX scorecards (bộ chỉ số).
  {
    pattern: '/chuyen-doi-so/bo-chi-so',
    component: page(() =>
      import('../features/reporting/scorecards/ScorecardsPage').then((m) => m.ScorecardsPage),
    ),
  },
  // … and the digital-transformation plan (kế hoạch chuyển đổi số).
  {
    pattern: '/chuyen-doi-so/ke-hoach',
    component: page(() => import('../features/reporting/plan/PlanPage').then((m) => m.PlanPage)),
  },
  // Administration.
  {
    pattern: '/quan-tri',
    component: page(() => import('../features/admin/AdminPage').then((m) => m.AdminPage)),
  },
  {
    pattern: '/quan-tri/:section',
    component: page(() => import('../features/admin/AdminPage').then((m) => m.AdminPage)),
  },
];

function routeOf(path: string): { component: Page; params: Record<string, string> } | null {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  for (const route of routes) {
    const params = matchPattern(route.pattern, normalized);
    if (params) return { component: route.component, params };
  }
  return null;
}

/**
 * Loads the code of the page at `path` (nothing for the home page). The first render waits for it,
 * so the page paints whole instead of a spinner first: for the pages people land on (catalogue,
 * procedure, tracking), the server has linked that code from the HTML (web/page-modules.ts), so it
 * is already on its way.
 */
export async function loadPage(path: string): Promise<void> {
  await routeOf(path)?.component.load?.();
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
  const { t } = useTranslation();
  const path = usePath();
  const route = routeOf(path);

  // After moving to another page, start reading it from the top (screen readers included).
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(path);
  useEffect(() => {
    if (shownPath.current === path) return;
    shownPath.current = path;
    mainRef.current?.focus({ preventScroll: true });
  }, [path]);

  let content: ReactNode;
  if (!route) content = <NotFound />;
  else {
    const Page = route.component;
    content = (
      <Suspense fallback={<LoadingState label={t('state.loading')} />}>
        <Page params={route.params} />
      </Suspense>
    );
  }

  return (
    <div className="cqs-shell">
      <a className="cqs-skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader />
      <MainNav />
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
  usePageTitle(t('nav.notFoundTitle'));
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
