import { Button, Card, Container, Stack, Text, Title } from '@mantine/core';
import { type ComponentType, lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type Me, signInHref, useAuth } from '../../app/auth';
import { currentLocation, Link, navigate, type PageProps } from '../../app/router';
import { usePageTitle } from '../../app/title';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { AdminNav } from './AdminNav';
import { type AdminAccess, adminAccess, mayAdminister } from './access';
import { NotAllowed } from './NotAllowed';
import { defaultSection, mayOpen, type SectionKey, sectionBySlug } from './sections';
import './admin.css';
import './i18n';

/** What every section receives: who is working, and what they may administer. */
export interface SectionProps {
  me: Me;
  access: AdminAccess;
}

// Each section loads when opened: an agency admin never downloads the e-form editor.
const section = <K extends string>(load: () => Promise<Record<K, ComponentType<SectionProps>>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const SECTION_COMPONENTS: Record<SectionKey, ComponentType<SectionProps>> = {
  agencies: section(() => import('./agencies/AgenciesSection'), 'AgenciesSection'),
  users: section(() => import('./users/UsersSection'), 'UsersSection'),
  procedures: section(() => import('./procedures/ProceduresSection'), 'ProceduresSection'),
  holidays: section(() => import('./holidays/HolidaysSection'), 'HolidaysSection'),
  clients: section(() => import('./clients/ClientsSection'), 'ClientsSection'),
  audit: section(() => import('./audit/AuditSection'), 'AuditSection'),
};

/**
 * `/quan-tri` and `/quan-tri/:section`: the platform's administration. System admins see every
 * section; agency admins the agencies and their own staff; anyone else a polite explanation.
 */
export function AdminPage({ params }: PageProps) {
  const { t, i18n } = useTranslation('admin');
  const { state, refresh } = useAuth();
  const me = state.status === 'signedIn' ? state.me : null;
  const access = me ? adminAccess(me) : null;
  const allowed = access !== null && mayAdminister(access);
  const current = params.section
    ? sectionBySlug(params.section)
    : access
      ? defaultSection(access)
      : undefined;
  const open = allowed && current !== undefined && mayOpen(current, access);
  usePageTitle(open ? `${t(`sections.${current.key}.title`)} — ${t('title')}` : t('title'));

  useEffect(() => {
    if (state.status === 'signedOut') window.location.replace(signInHref(currentLocation(), i18n.language));
  }, [state.status, i18n.language]);

  // `/quan-tri` shows its first section under that section's own address, so links and the nav agree.
  useEffect(() => {
    if (allowed && !params.section && current)
      navigate(`/quan-tri/${current.slug}${window.location.search}`, { replace: true });
  }, [allowed, params.section, current]);

  if (state.status === 'error')
    return (
      <Container size="lg" py="xl">
        <ErrorState error={state.error} onRetry={refresh} />
      </Container>
    );
  if (!me || !access)
    return (
      <LoadingState label={state.status === 'signedOut' ? t('common.redirecting') : t('common.loading')} />
    );
  if (!allowed)
    return (
      <Container size="lg" py="xl">
        <NotAllowed />
      </Container>
    );

  const Section = current ? SECTION_COMPONENTS[current.key] : null;
  return (
    <Container size="xl" py="lg">
      <div className="cqs-admin">
        <AdminNav access={access} current={current} />
        <div className="cqs-admin-content">
          {!current ? (
            <UnknownSection />
          ) : !open || !Section ? (
            <NotAllowed section={t(`sections.${current.key}.title`)} />
          ) : (
            <Suspense fallback={<LoadingState label={t('common.loading')} />}>
              <Section me={me} access={access} />
            </Suspense>
          )}
        </div>
      </div>
    </Container>
  );
}

function UnknownSection() {
  const { t } = useTranslation('admin');
  return (
    <Card withBorder padding="xl" radius="md" maw={720}>
      <Stack gap="md" align="flex-start">
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          {t('unknownSection.title')}
        </Title>
        <Text>{t('unknownSection.body')}</Text>
        <Button component={Link} href="/quan-tri">
          {t('notAllowed.backToAdmin')}
        </Button>
      </Stack>
    </Card>
  );
}
