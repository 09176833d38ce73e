import { Button, Card, Container, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, type PageProps } from '../../app/router';
import { usePageTitle } from '../../app/title';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { useApiQuery } from '../../ui/useApiQuery';
import { DossierCard } from './list/DossierCard';
import type { DossierList, DossierListItem, DossierStatus } from './model';
import { RequireSignIn } from './RequireSignIn';
import './dossiers.css';
import './i18n';

/** The filters, each a set of statuses, in the order a person thinks about their dossiers. */
const FILTERS: { id: string; statuses: DossierStatus[] | null }[] = [
  { id: 'all', statuses: null },
  { id: 'draft', statuses: ['draft'] },
  { id: 'action', statuses: ['supplement_requested'] },
  { id: 'open', statuses: ['submitted', 'received', 'in_progress'] },
  { id: 'done', statuses: ['finished', 'returned'] },
  { id: 'stopped', statuses: ['refused_at_intake', 'withdrawn', 'suspended'] },
];

/** `/ho-so`: "Hồ sơ của tôi", drafts first (to finish them), then the rest, newest first. */
export function MyDossiersPage(_props: PageProps) {
  const { t } = useTranslation('dossiers');
  usePageTitle(t('title'));
  return <RequireSignIn>{() => <MyDossiers />}</RequireSignIn>;
}

function MyDossiers() {
  const { t } = useTranslation('dossiers');
  const list = useApiQuery<DossierList>('/api/dossiers?mine=true&limit=200', { fresh: true });
  const [filter, setFilter] = useState('all');

  let body = <LoadingState label={t('list.loading')} />;
  if (list.status === 'error') body = <ErrorState error={list.error} onRetry={list.retry} />;
  if (list.status === 'success') {
    const all = [...list.data.items].sort(
      (a, b) => Number(b.status === 'draft') - Number(a.status === 'draft'),
    );
    const count = (statuses: DossierStatus[] | null) =>
      statuses ? all.filter((d) => statuses.includes(d.status)).length : all.length;
    const chosen = FILTERS.find((f) => f.id === filter)?.statuses ?? null;
    const shown = chosen ? all.filter((d) => chosen.includes(d.status)) : all;
    body =
      all.length === 0 ? (
        <Empty />
      ) : (
        <Stack gap="md">
          <fieldset className="cqs-filters">
            <VisuallyHidden component="legend">{t('list.filterLabel')}</VisuallyHidden>
            <Group gap="xs">
              {FILTERS.filter((f) => f.id === 'all' || count(f.statuses) > 0).map((f) => (
                <Button
                  key={f.id}
                  size="sm"
                  h={44}
                  radius="xl"
                  variant={filter === f.id ? 'filled' : 'default'}
                  aria-pressed={filter === f.id}
                  onClick={() => setFilter(f.id)}
                >
                  {t(`list.filter.${f.id}` as 'list.filter.all')} ({count(f.statuses)})
                </Button>
              ))}
            </Group>
          </fieldset>
          <Text size="sm" c="dimmed" role="status">
            {t('list.showing', { count: shown.length })}
          </Text>
          <ul className="cqs-cards" aria-label={t('title')}>
            {shown.map((d: DossierListItem) => (
              <li key={d.id}>
                <DossierCard dossier={d} />
              </li>
            ))}
          </ul>
        </Stack>
      );
  }

  return (
    <Container size="md" py="xl" className="cqs-dossiers">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={1} fz={{ base: 26, sm: 32 }}>
            {t('title')}
          </Title>
          <Button component={Link} href="/thu-tuc" variant="light">
            {t('list.new')}
          </Button>
        </Group>
        {body}
      </Stack>
    </Container>
  );
}

function Empty() {
  const { t } = useTranslation('dossiers');
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm" align="flex-start">
        <Text fw={600}>{t('list.empty')}</Text>
        <Text>{t('list.emptyHelp')}</Text>
        <Button component={Link} href="/thu-tuc">
          {t('list.findProcedure')}
        </Button>
      </Stack>
    </Card>
  );
}
