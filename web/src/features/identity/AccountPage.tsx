import '@mantine/core/styles/Image.css';
import { Alert, Badge, Button, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Me, signInHref, useAuth } from '../../app/auth';
import { usePageTitle } from '../../app/title';
import { ApiError, sendJson } from '../../ui/api';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { pickLocalized } from '../../ui/localized';
import { useApiQuery } from '../../ui/useApiQuery';
import { describeDevice, type SessionInfo, type SessionList } from './api';
import { OrganizationsCard } from './OrganizationsCard';
import { PasswordCard } from './PasswordCard';
import { TwoFactorCard } from './TwoFactorCard';

/** `/tai-khoan`: the signed-in person's profile, roles and sessions. Visitors are sent to sign in. */
export function AccountPage() {
  const { t, i18n } = useTranslation();
  const { state, refresh } = useAuth();
  usePageTitle(t('account.title'));

  useEffect(() => {
    if (state.status === 'signedOut') {
      window.location.replace(signInHref('/tai-khoan', i18n.language));
    }
  }, [state.status, i18n.language]);

  return (
    <Container size="lg" py="xl">
      {state.status === 'signedIn' ? (
        <Account me={state.me} />
      ) : state.status === 'error' ? (
        <ErrorState error={state.error} onRetry={refresh} />
      ) : (
        <LoadingState label={state.status === 'signedOut' ? t('auth.redirecting') : t('account.loading')} />
      )}
    </Container>
  );
}

function Account({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={880}>
      <Title order={1} fz={{ base: 26, sm: 32 }}>
        {t('account.title')}
      </Title>
      <Profile me={me} />
      {me.roles.length > 0 && <Roles me={me} />}
      {me.roles.length === 0 && <OrganizationsCard />}
      <PasswordCard />
      <TwoFactorCard me={me} />
      <Sessions />
    </Stack>
  );
}

function Profile({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const missing = (
    <Text component="span" c="dimmed" fw={400}>
      {t('account.notProvided')}
    </Text>
  );
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="profile-title">
      <Title order={2} fz="h3" id="profile-title" mb="md">
        {t('account.profile')}
      </Title>
      <dl className="cqs-profile">
        <Field label={t('account.fullName')}>{me.fullName}</Field>
        <Field label={t('account.email')}>{me.email ?? missing}</Field>
        <Field label={t('account.phone')}>{me.phone ?? missing}</Field>
        <Field label={t('account.cccd')}>{me.cccd ?? missing}</Field>
        <Field label={t('account.dateOfBirth')}>
          {me.dateOfBirth ? formatDate(me.dateOfBirth, i18n.language) : missing}
        </Field>
        <Field label={t('account.assuranceLevel')} testId="assurance-level">
          <Badge
            variant="light"
            color={me.assuranceLevel === 'level2' ? 'green' : 'gray'}
            size="lg"
            radius="sm"
            tt="none"
          >
            {t(`assurance.${me.assuranceLevel}`)}
          </Badge>
        </Field>
        <Field label={t('account.twoFactor')} testId="two-factor">
          {me.totpEnabled ? t('account.twoFactorOn') : t('account.twoFactorOff')}
        </Field>
      </dl>
    </Card>
  );
}

function Field({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

function Roles({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  // One line per agency, its roles together: "Sở Tư pháp — Lãnh đạo, Quản trị cơ quan".
  const byAgency = new Map<string, { name: string; roles: string[] }>();
  for (const grant of me.roles) {
    const entry = byAgency.get(grant.agencyId) ?? {
      name: pickLocalized(grant.agencyName, i18n.language),
      roles: [],
    };
    entry.roles.push(t(`roles.${grant.role}`));
    byAgency.set(grant.agencyId, entry);
  }
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="roles-title">
      <Title order={2} fz="h3" id="roles-title" mb="md">
        {t('account.roles')}
      </Title>
      <ul className="cqs-list">
        {[...byAgency.entries()].map(([agencyId, entry]) => (
          <li key={agencyId}>
            <Text fw={600}>{entry.name}</Text>
            <Group gap={6} mt={6}>
              {entry.roles.map((role) => (
                <Badge key={role} variant="light" radius="sm" size="lg" tt="none">
                  {role}
                </Badge>
              ))}
            </Group>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Sessions() {
  const { t } = useTranslation();
  const { refresh } = useAuth();
  const sessions = useApiQuery<SessionList>('/api/me/sessions', { fresh: true });
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  // This very session was ended (on another device, or it expired): ask again who is signed in,
  // which sends the person to sign in.
  const signedOut = sessions.status === 'error' && sessions.error.status === 401;
  useEffect(() => {
    if (signedOut) refresh();
  }, [signedOut, refresh]);

  const end = async (ids: string[], key: string) => {
    setBusy(key);
    setFailed(false);
    try {
      for (const id of ids) {
        try {
          await sendJson('DELETE', `/api/me/sessions/${encodeURIComponent(id)}`);
        } catch (error) {
          // Already gone (expired meanwhile): that is what the person wanted.
          if (!(error instanceof ApiError && error.status === 404)) throw error;
        }
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) refresh();
      else setFailed(true);
    } finally {
      setBusy(null);
      sessions.retry();
    }
  };

  const list =
    sessions.status === 'success'
      ? sessions.data.items
      : sessions.status === 'loading'
        ? sessions.previous?.items
        : undefined;
  const others = list?.filter((s) => !s.current) ?? [];

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="sessions-title">
      <Title order={2} fz="h3" id="sessions-title" mb="xs">
        {t('account.sessions')}
      </Title>
      <Text c="dimmed" mb="md">
        {t('account.sessionsIntro')}
      </Text>
      {failed && (
        <Alert color="red" variant="light" role="alert" mb="md">
          {t('account.endFailed')}
        </Alert>
      )}
      {sessions.status === 'error' ? (
        <ErrorState error={sessions.error} onRetry={sessions.retry} />
      ) : !list ? (
        <LoadingState label={t('account.loading')} />
      ) : (
        <Stack gap="md">
          <ul className="cqs-list" aria-label={t('account.sessionsLabel')} data-testid="sessions">
            {sortSessions(list).map((session) => (
              <SessionItem
                key={session.id}
                session={session}
                busy={busy !== null}
                ending={busy === session.id}
                onEnd={() => void end([session.id], session.id)}
              />
            ))}
          </ul>
          {others.length > 1 && (
            <Button
              variant="outline"
              color="red"
              loading={busy === 'others'}
              disabled={busy !== null && busy !== 'others'}
              onClick={() =>
                void end(
                  others.map((s) => s.id),
                  'others',
                )
              }
              style={{ alignSelf: 'flex-start' }}
            >
              {t('account.endOthers')}
            </Button>
          )}
          {others.length === 0 && <Text c="dimmed">{t('account.noOthers')}</Text>}
        </Stack>
      )}
    </Card>
  );
}

/** This device first, then the most recently active. */
function sortSessions(items: SessionInfo[]): SessionInfo[] {
  return [...items].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
  );
}

interface SessionItemProps {
  session: SessionInfo;
  /** Some session is being ended: one at a time. */
  busy: boolean;
  /** This one is. */
  ending: boolean;
  onEnd: () => void;
}

function SessionItem({ session, busy, ending, onEnd }: SessionItemProps) {
  const { t, i18n } = useTranslation();
  const device = deviceName(t, session.userAgent);
  const lastSeen = formatDateTime(session.lastSeenAt, i18n.language);
  return (
    <li data-current={session.current || undefined}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ flex: '1 1 14rem', minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600} title={session.userAgent ?? undefined}>
              {device}
            </Text>
            {session.current && (
              <Badge color="green" variant="light" radius="sm" tt="none">
                {t('account.currentSession')}
              </Badge>
            )}
          </Group>
          <Text fz="sm" c="dimmed">
            {t('account.lastSeen', { time: lastSeen })}
          </Text>
          <Text fz="sm" c="dimmed">
            {t('account.signedInAt', { time: formatDateTime(session.createdAt, i18n.language) })}
            {session.ip ? ` · ${t('account.ip', { ip: session.ip })}` : ''}
          </Text>
        </Stack>
        {!session.current && (
          <Button
            variant="default"
            loading={ending}
            disabled={busy && !ending}
            onClick={onEnd}
            aria-label={t('account.endSessionLabel', { device, time: lastSeen })}
          >
            {t('account.endSession')}
          </Button>
        )}
      </Group>
    </li>
  );
}

function deviceName(t: TFunction, userAgent: string | null): string {
  const device = describeDevice(userAgent);
  return device
    ? t('account.device', { browser: device.browser, os: device.os })
    : t('account.unknownDevice');
}

// Times of day as people in the province read them, whatever the device's clock zone.
const timeZone = 'Asia/Ho_Chi_Minh';
const locale = (language: string) => (language === 'en' ? 'en-GB' : 'vi-VN');
// "17/05/2026", as on Vietnamese forms, in both languages.
const dayMonthYear = { day: '2-digit', month: '2-digit', year: 'numeric' } as const;

function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    ...dayMonthYear,
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

/** A calendar date (`1990-05-17`) → "17/05/1990", without a time zone shifting the day. */
function formatDate(isoDate: string, language: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(locale(language), { ...dayMonthYear, timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}
