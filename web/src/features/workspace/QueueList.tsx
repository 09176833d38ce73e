import '@mantine/core/styles/Table.css';
import { Anchor, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { formatNumber, pickLocalized } from '../../ui/localized';
import type { QueryResult } from '../../ui/useApiQuery';
import type { Queue, QueueItem, QueuePage } from './api';
import { DeadlineBadge, StatusBadge } from './DeadlineBadge';
import { formatDateTime } from './format';

export interface QueueListProps {
  result: QueryResult<QueuePage>;
  queue: Queue;
  q: string;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  onSearchAll: () => void;
}

/** One queue's dossiers: a table on a desk's screen, cards on a phone, with paging. */
export function QueueList({ result, queue, q, page, pageSize, onPage, onSearchAll }: QueueListProps) {
  const { t, i18n } = useTranslation('workspace');
  const wide = useMediaQuery('(min-width: 62em)', undefined, { getInitialValueInEffect: false });
  const data =
    result.status === 'success' ? result.data : result.status === 'loading' ? result.previous : undefined;

  if (result.status === 'error') return <ErrorState error={result.error} onRetry={result.retry} />;
  if (!data) return <LoadingState label={t('queue.loading')} />;

  if (data.items.length === 0)
    return (
      <Stack gap="sm" align="flex-start" py="md" data-testid="queue-empty">
        <Text>{q ? t('queue.noMatch', { q }) : t('queue.empty')}</Text>
        {q && queue !== 'all' && (
          <Button variant="light" onClick={onSearchAll}>
            {t('queue.searchAll')}
          </Button>
        )}
      </Stack>
    );

  const from = (page - 1) * pageSize + 1;
  const to = from + data.items.length - 1;
  // Past the count's cap the last page is unknown: the next one exists while pages come back full.
  const pages = Math.max(1, Math.ceil(data.total / pageSize));
  const hasNext = data.totalCapped ? data.items.length === pageSize : page < pages;
  return (
    <Stack gap="md" aria-busy={result.status === 'loading'}>
      {wide ? <QueueTable items={data.items} /> : <QueueCards items={data.items} />}
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">
          {t(data.totalCapped ? 'queue.showingMore' : 'queue.showing', {
            from,
            to,
            total: formatNumber(data.total, i18n.language),
          })}
        </Text>
        {(page > 1 || hasNext) && (
          <Group gap="xs">
            <Button variant="default" disabled={page <= 1} onClick={() => onPage(page - 1)}>
              {t('queue.previous')}
            </Button>
            <Text size="sm" aria-live="polite">
              {data.totalCapped ? t('queue.page', { page }) : t('queue.pageOf', { page, pages })}
            </Text>
            <Button variant="default" disabled={!hasNext} onClick={() => onPage(page + 1)}>
              {t('queue.next')}
            </Button>
          </Group>
        )}
      </Group>
    </Stack>
  );
}

function DossierLink({ item }: { item: QueueItem }) {
  const { t } = useTranslation('workspace');
  return (
    <Anchor component={Link} href={`/can-bo/ho-so/${item.id}`} fw={600}>
      {item.code ?? t('queue.noCode')}
    </Anchor>
  );
}

function QueueTable({ items }: { items: QueueItem[] }) {
  const { t, i18n } = useTranslation('workspace');
  return (
    <Table striped highlightOnHover verticalSpacing="sm" data-testid="queue-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('queue.col.code')}</Table.Th>
          <Table.Th scope="col">{t('queue.col.procedure')}</Table.Th>
          <Table.Th scope="col">{t('queue.col.applicant')}</Table.Th>
          <Table.Th scope="col">{t('queue.col.received')}</Table.Th>
          <Table.Th scope="col">{t('queue.col.due')}</Table.Th>
          <Table.Th scope="col">{t('queue.col.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.id} data-tone={item.tone ?? undefined}>
            <Table.Td>
              <DossierLink item={item} />
            </Table.Td>
            <Table.Td maw={380}>
              <Text size="sm">{pickLocalized(item.procedureName, i18n.language)}</Text>
              <Text size="xs" c="dimmed">
                {item.procedureCode}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{item.applicantName}</Text>
              <Text size="xs" c="dimmed">
                {t(`channel.${item.channel}`, { defaultValue: item.channel })}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatDateTime(item.receivedAt, i18n.language)}</Text>
            </Table.Td>
            <Table.Td>
              <Stack gap={4} align="flex-start">
                <Text size="sm">{formatDateTime(item.dueAt, i18n.language)}</Text>
                <DeadlineBadge status={item.status} tone={item.tone} daysLeft={item.daysLeft} />
              </Stack>
            </Table.Td>
            <Table.Td>
              <StatusBadge status={item.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function QueueCards({ items }: { items: QueueItem[] }) {
  const { t, i18n } = useTranslation('workspace');
  return (
    <ul className="ws-list" data-testid="queue-cards" style={{ borderTop: 0 }}>
      {items.map((item) => (
        <li key={item.id} style={{ border: 0, paddingBottom: 12 }}>
          <Paper withBorder p="md" className="ws-queue-card" data-tone={item.tone ?? undefined}>
            <Stack gap={6}>
              <Group justify="space-between" gap="xs">
                <DossierLink item={item} />
                <StatusBadge status={item.status} />
              </Group>
              <Text size="sm">{pickLocalized(item.procedureName, i18n.language)}</Text>
              <Text size="sm">
                {item.applicantName} · {t(`channel.${item.channel}`, { defaultValue: item.channel })}
              </Text>
              {item.dueAt && (
                <Text size="sm">
                  {t('queue.col.due')}: {formatDateTime(item.dueAt, i18n.language)}
                </Text>
              )}
              <div>
                <DeadlineBadge status={item.status} tone={item.tone} daysLeft={item.daysLeft} />
              </div>
            </Stack>
          </Paper>
        </li>
      ))}
    </ul>
  );
}
