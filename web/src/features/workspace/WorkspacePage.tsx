import '@mantine/core/styles/Tabs.css';
import { Badge, Button, Container, Group, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeRole, type Me } from '../../app/auth';
import { Link, navigate, type PageProps, useSearchParams } from '../../app/router';
import { usePageTitle } from '../../app/title';
import { SearchIcon } from '../../ui/icons';
import { useApiQuery } from '../../ui/useApiQuery';
import { desksOf, isQueue, QUEUES, type Queue, type QueuePage, queuePath } from './api';
import { OfficialGate } from './OfficialGate';
import { QueueList } from './QueueList';
import { formatCount, useQueueCounts } from './useQueueCounts';
import './i18n';

export const PAGE_SIZE = 20;

/**
 * `/can-bo?queue=…&q=…&page=…`: an official's work list by queue, with the number waiting in
 * each, the deadline of every dossier, and a search by code, name (no diacritics needed) or CCCD.
 */
export function WorkspacePage(_props: PageProps) {
  const { t } = useTranslation('workspace');
  usePageTitle(t('queue.title'));
  return <OfficialGate>{(me) => <Queues me={me} />}</OfficialGate>;
}

function Queues({ me }: { me: Me }) {
  const { t, i18n } = useTranslation('workspace');
  const { t: tApp } = useTranslation();
  const params = useSearchParams();
  const isDesk = desksOf(me).length > 0;
  const asked = params.get('queue');
  // The desk starts with what waits to be checked; handlers with what they are working on.
  const queue: Queue = isQueue(asked) ? asked : isDesk ? 'to_receive' : 'in_progress';
  const q = params.get('q')?.trim() ?? '';
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);

  const go = (next: { queue?: Queue; q?: string; page?: number }) => {
    const p = new URLSearchParams();
    p.set('queue', next.queue ?? queue);
    const query = next.q ?? q;
    if (query) p.set('q', query);
    const n = next.page ?? 1;
    if (n > 1) p.set('page', String(n));
    navigate(`/can-bo?${p}`);
  };

  const [typed, setTyped] = useState(q);
  useEffect(() => setTyped(q), [q]);
  const search = (event: FormEvent) => {
    event.preventDefault();
    go({ q: typed.trim(), page: 1 });
  };

  const list = useApiQuery<QueuePage>(queuePath(queue, q, PAGE_SIZE, (page - 1) * PAGE_SIZE), {
    fresh: true,
  });
  const counts = useQueueCounts(q);
  const roles = me.roles.map((r) => describeRole(tApp, r, i18n.language));

  return (
    <Container size="lg" py="xl" className="ws-root">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end" gap="md">
          <div>
            <Title order={1} fz={{ base: 26, sm: 32 }}>
              {t('queue.title')}
            </Title>
            <Text c="dimmed" mt={4}>
              {me.fullName} · {roles.join('; ')}
            </Text>
          </div>
          {isDesk && (
            <Button component={Link} href="/can-bo/tiep-nhan">
              {t('queue.counterIntake')}
            </Button>
          )}
        </Group>

        <form onSubmit={search}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              type="search"
              label={t('queue.searchLabel')}
              description={t('queue.searchHelp')}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              leftSection={<SearchIcon size={18} />}
              style={{ flex: '1 1 20rem' }}
              autoComplete="off"
            />
            <Button type="submit">{t('queue.search')}</Button>
            {q && (
              <Button variant="default" onClick={() => go({ q: '', page: 1 })}>
                {t('queue.clearSearch')}
              </Button>
            )}
          </Group>
        </form>
        {q && (
          <Text role="status" data-testid="search-summary">
            {t('queue.searchingFor', { q })}
          </Text>
        )}

        <Tabs value={queue} onChange={(v) => isQueue(v) && go({ queue: v, page: 1 })} variant="outline">
          <Tabs.List aria-label={t('queue.tabsLabel')}>
            {QUEUES.map((k) => (
              <Tabs.Tab
                key={k}
                value={k}
                mih={44}
                rightSection={
                  counts[k] !== undefined && (
                    <Badge
                      size="sm"
                      radius="xl"
                      variant={k === 'overdue' && counts[k].total > 0 ? 'filled' : 'default'}
                      color={k === 'overdue' && counts[k].total > 0 ? '#a61e1e' : undefined}
                      data-testid={`count-${k}`}
                    >
                      {formatCount(counts[k], i18n.language)}
                    </Badge>
                  )
                }
              >
                {t(`queue.tabs.${k}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {QUEUES.map((k) => (
            <Tabs.Panel key={k} value={k} pt="md">
              {k === queue && (
                <QueueList
                  result={list}
                  queue={queue}
                  q={q}
                  page={page}
                  pageSize={PAGE_SIZE}
                  onPage={(n) => go({ page: n })}
                  onSearchAll={() => go({ queue: 'all', page: 1 })}
                />
              )}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </Container>
  );
}
