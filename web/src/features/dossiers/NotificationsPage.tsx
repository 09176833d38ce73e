import { Alert, Badge, Button, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, navigate, type PageProps } from '../../app/router';
import { usePageTitle } from '../../app/title';
import { sendJson } from '../../ui/api';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { useApiQuery } from '../../ui/useApiQuery';
import { vnDateTime } from './format';
import type { Notification, NotificationPage } from './model';
import { RequireSignIn } from './RequireSignIn';
import './dossiers.css';
import './i18n';

const PAGE = 20;

/** `/thong-bao`: the person's notices (receipt, supplement request, result ready…), newest first. */
export function NotificationsPage(_props: PageProps) {
  const { t } = useTranslation('dossiers');
  usePageTitle(t('notifications.title'));
  return <RequireSignIn>{() => <Notifications />}</RequireSignIn>;
}

function Notifications() {
  const { t } = useTranslation('dossiers');
  const [limit, setLimit] = useState(PAGE);
  const inbox = useApiQuery<NotificationPage>(`/api/notifications?limit=${limit}`, { fresh: true });
  // Marked read here at once, without waiting for the list to come back.
  const [read, setRead] = useState<Set<string>>(new Set());
  const [failed, setFailed] = useState(false);
  const data =
    inbox.status === 'success' ? inbox.data : inbox.status === 'loading' ? inbox.previous : undefined;
  const isRead = (n: Notification) => n.readAt !== null || read.has(n.id) || read.has('*');
  const locallyRead = data ? data.items.filter((n) => !n.readAt && read.has(n.id)).length : 0;
  const unread = !data || read.has('*') ? 0 : Math.max(0, data.unread - locallyRead);

  const markAll = async () => {
    setFailed(false);
    try {
      await sendJson('POST', '/api/notifications/read-all');
      setRead(new Set(['*']));
    } catch {
      setFailed(true);
    }
  };

  /** Opening a notice marks it read, then goes where it points. */
  const open = async (n: Notification) => {
    if (!isRead(n)) {
      setRead((s) => new Set(s).add(n.id));
      await sendJson('POST', `/api/notifications/${encodeURIComponent(n.id)}/read`).catch(() => undefined);
    }
    if (n.link) navigate(n.link);
  };

  return (
    <Container size="md" py="xl" className="cqs-dossiers">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <div>
            <Title order={1} fz={{ base: 26, sm: 32 }}>
              {t('notifications.title')}
            </Title>
            {data && (
              <Text c="dimmed" role="status" data-testid="unread-count">
                {unread ? t('notifications.unread', { count: unread }) : t('notifications.allRead')}
              </Text>
            )}
          </div>
          {unread > 0 && (
            <Button variant="light" onClick={markAll}>
              {t('notifications.markAll')}
            </Button>
          )}
        </Group>
        {failed && (
          <Alert color="red" variant="light" role="alert">
            {t('wizard.network')}
          </Alert>
        )}
        {inbox.status === 'error' && <ErrorState error={inbox.error} onRetry={inbox.retry} />}
        {!data && inbox.status !== 'error' && <LoadingState label={t('notifications.loading')} />}
        {data && data.items.length === 0 && (
          <Card withBorder radius="md" padding="lg">
            <Text>{t('notifications.empty')}</Text>
          </Card>
        )}
        {data && data.items.length > 0 && (
          <ul className="cqs-cards">
            {data.items.map((n) => (
              <li key={n.id}>
                <Item n={n} unread={!isRead(n)} onOpen={() => void open(n)} />
              </li>
            ))}
          </ul>
        )}
        {data && data.total > data.items.length && (
          <Group justify="center">
            <Button
              variant="default"
              onClick={() => setLimit((l) => l + PAGE)}
              loading={inbox.status === 'loading'}
            >
              {t('notifications.more')}
            </Button>
          </Group>
        )}
      </Stack>
    </Container>
  );
}

function Item({ n, unread, onOpen }: { n: Notification; unread: boolean; onOpen: () => void }) {
  const { t, i18n } = useTranslation('dossiers');
  const en = i18n.language === 'en';
  const title = en ? n.title.en : n.title.vi;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="article"
      className={unread ? 'cqs-unread' : undefined}
      data-testid="notification"
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Text fw={unread ? 700 : 500}>{title}</Text>
          {unread && (
            <Badge variant="filled" radius="sm" tt="none" style={{ flexShrink: 0 }}>
              {t('notifications.new')}
            </Badge>
          )}
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {en ? n.body.en : n.body.vi}
        </Text>
        <Group justify="space-between" align="center" gap="sm">
          <Text size="sm" c="dimmed">
            {vnDateTime(n.createdAt, i18n.language)}
          </Text>
          {n.link ? (
            <Button
              component={Link}
              href={n.link}
              variant="light"
              onClick={(e) => {
                e.preventDefault();
                onOpen();
              }}
              aria-label={t('notifications.openNamed', { title })}
            >
              {t('notifications.open')}
            </Button>
          ) : (
            unread && (
              <Button variant="subtle" onClick={onOpen}>
                {t('notifications.markRead')}
              </Button>
            )
          )}
        </Group>
      </Stack>
    </Card>
  );
}
