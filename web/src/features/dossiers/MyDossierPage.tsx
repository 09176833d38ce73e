import { Alert, Anchor, Button, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../app/auth';
import { Link, type PageProps } from '../../app/router';
import { usePageTitle } from '../../app/title';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { pickLocalized } from '../../ui/localized';
import { DossierDocuments, ResultFiles } from './detail/DossierDocuments';
import { DossierTimeline } from './detail/DossierTimeline';
import { RatingPanel } from './detail/RatingPanel';
import { SupplyPanel } from './detail/SupplyPanel';
import { type DossierData, useDossierData } from './detail/useDossierData';
import { WithdrawPanel } from './detail/WithdrawPanel';
import { vnDateTime } from './format';
import { submitHref } from './model';
import { ReceiptCard } from './ReceiptCard';
import { RequireSignIn } from './RequireSignIn';
import { StatusBadge } from './StatusBadge';
import './dossiers.css';
import './i18n';

const UNDER_WAY = new Set(['received', 'in_progress', 'supplement_requested', 'finished']);

/** `/ho-so/:id`: one of the person's dossiers — where it stands, what to do, what happened. */
export function MyDossierPage({ params }: PageProps) {
  const { t } = useTranslation('dossiers');
  usePageTitle(t('detail.title'));
  const id = params.id ?? '';
  return <RequireSignIn>{(me) => <MyDossier key={id} id={id} me={me} />}</RequireSignIn>;
}

function MyDossier({ id, me }: { id: string; me: Me }) {
  const { t } = useTranslation('dossiers');
  const { data, error, reload } = useDossierData(id);
  return (
    <Container size="md" py="xl" className="cqs-dossiers">
      <Stack gap="lg">
        <Anchor component={Link} href="/ho-so" className="cqs-card-link">
          ← {t('title')}
        </Anchor>
        {data ? (
          <DossierView data={data} me={me} reload={reload} />
        ) : error ? (
          error.status === 404 ? (
            <Alert color="yellow" variant="light" role="alert" title={t('detail.notFoundTitle')}>
              {t('detail.notFound')}
            </Alert>
          ) : (
            <ErrorState error={error} onRetry={reload} />
          )
        ) : (
          <LoadingState label={t('detail.loading')} />
        )}
      </Stack>
    </Container>
  );
}

function DossierView({ data, me, reload }: { data: DossierData; me: Me; reload: () => void }) {
  const { t, i18n } = useTranslation('dossiers');
  const { dossier: d, events, files } = data;
  const lang = i18n.language;
  const submitted = events.findLast((e) => e.type === 'submit')?.at;
  const rated = events.findLast((e) => e.type === 'rate');
  const name = pickLocalized(d.procedureName, lang);
  // The receipt leads while the dossier is under way; after that its dates stay among the facts.
  const showReceipt = Boolean(d.code) && UNDER_WAY.has(d.status);

  return (
    <>
      <Stack gap={6}>
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          {name}
        </Title>
        <Group gap="sm">
          <StatusBadge status={d.status} testId="dossier-status" />
          <Text c="dimmed" size="sm">
            {d.code ? `${t('detail.code')}: ${d.code}` : t('list.noCode')}
          </Text>
        </Group>
      </Stack>
      {d.status === 'draft' && (
        <Alert color="blue" variant="light" title={t('detail.draftTitle')}>
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('detail.draftHelp')}</Text>
            <Button component={Link} href={submitHref(d.procedureCode, d.id)}>
              {t('list.continue')}
            </Button>
          </Stack>
        </Alert>
      )}
      {d.status === 'submitted' && (
        <Alert color="blue" variant="light" data-testid="awaiting-intake">
          {t('receipt.waiting')}
        </Alert>
      )}
      {d.actions.includes('supply') && (
        <SupplyPanel dossier={d} events={events} files={files} onChanged={reload} />
      )}
      {d.status === 'returned' && <ResultFiles files={files} />}
      {d.status === 'returned' && <RatingPanel dossierId={d.id} rated={rated} onDone={reload} />}
      {showReceipt && <ReceiptCard dossier={d} />}
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="facts-title">
        <Title order={2} fz="h3" id="facts-title" mb="sm">
          {t('detail.facts')}
        </Title>
        <dl className="cqs-summary">
          <Fact label={t('detail.procedureCode')} value={d.procedureCode} />
          <Fact
            label={t('detail.channel')}
            value={t(`detail.channels.${d.channel}` as 'detail.channels.online')}
          />
          <Fact label={t('detail.submittedAt')} value={submitted ? vnDateTime(submitted, lang) : null} />
          <Fact
            label={t('receipt.receivedAt')}
            value={d.receivedAt ? vnDateTime(d.receivedAt, lang) : null}
          />
          <Fact label={t('detail.dueAt')} value={d.dueAt ? vnDateTime(d.dueAt, lang) : null} />
          <Fact label={t('detail.finishedAt')} value={d.finishedAt ? vnDateTime(d.finishedAt, lang) : null} />
          <Fact label={t('detail.applicant')} value={d.applicant.fullName} />
        </dl>
      </Card>
      <DossierDocuments dossier={d} files={files} events={events} />
      <DossierTimeline events={events} meId={me.id} />
      {d.actions.includes('withdraw') && <WithdrawPanel dossierId={d.id} onDone={reload} />}
    </>
  );
}

function Fact({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
