import '@mantine/core/styles/Grid.css';
import { Alert, Anchor, Card, Container, Grid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../app/auth';
import { Link, type PageProps } from '../../app/router';
import { usePageTitle } from '../../app/title';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { type Dossier, holdsRole, type OfficialAction } from './api';
import { ActionsPanel } from './casework/ActionsPanel';
import { DossierHeader } from './casework/DossierHeader';
import { FormDataView } from './casework/FormDataView';
import { type FormNumber, FormsLinks } from './casework/FormsLinks';
import { TimelineSection } from './casework/TimelineSection';
import { ComponentScans } from './files/ComponentScans';
import { ResultFiles } from './files/ResultFiles';
import { OfficialGate } from './OfficialGate';
import { type DossierBundle, useDossier } from './useDossier';
import './i18n';

// The desk scans until processing ends; results are attached while processing and until returned.
const SCANNABLE = new Set(['draft', 'submitted', 'supplement_requested', 'received', 'in_progress']);
const RESULT_TIME = new Set(['in_progress', 'finished']);
// The form each action issues, linked from the notice that confirms it.
const FORM_OF: Partial<Record<OfficialAction, FormNumber>> = {
  receive: '01',
  request_supplement: '02',
  refuse_intake: '03',
  extend: '04',
  suspend: '05',
};

/** `/can-bo/ho-so/:id`: one dossier, its papers and history, and what the official may do with it now. */
export function CaseworkPage({ params }: PageProps) {
  const { t } = useTranslation('workspace');
  // The tab shows the dossier's code once it is known, so several open dossiers can be told apart.
  const [code, setCode] = useState<string | null>(null);
  usePageTitle(code ? `${code} — ${t('casework.title')}` : t('casework.title'));
  return <OfficialGate>{(me) => <Casework id={params.id ?? ''} me={me} onCode={setCode} />}</OfficialGate>;
}

function Casework({ id, me, onCode }: { id: string; me: Me; onCode: (code: string | null) => void }) {
  const { t } = useTranslation('workspace');
  const { state, reload } = useDossier(id);
  const [notice, setNotice] = useState<{ action: OfficialAction; dossier: Dossier } | null>(null);
  const data =
    state.status === 'success' ? state.data : state.status === 'loading' ? state.previous : undefined;
  const shownCode = data ? (data.dossier.code ?? t('casework.noCode')) : null;
  useEffect(() => onCode(shownCode), [shownCode, onCode]);

  if (state.status === 'error')
    return (
      <Container size="lg" py="xl" className="ws-root">
        {state.error.status === 404 ? <NotFound /> : <ErrorState error={state.error} onRetry={reload} />}
      </Container>
    );
  if (!data) return <LoadingState label={t('casework.loading')} />;

  const done = (action: OfficialAction, dossier: Dossier) => {
    setNotice({ action, dossier });
    reload();
  };
  return (
    <Container size="lg" py="xl" className="ws-root">
      <Stack gap="lg" aria-busy={state.status === 'loading'}>
        <Anchor component={Link} href="/can-bo" className="ws-tap" style={{ alignSelf: 'flex-start' }}>
          ← {t('casework.back')}
        </Anchor>
        <DossierHeader dossier={data.dossier} agencies={data.agencies} people={peopleOf(data, me)} />
        {notice && <Notice {...notice} onClose={() => setNotice(null)} />}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
            <Stack gap="lg" className="ws-sticky">
              <ActionsPanel dossier={data.dossier} agencies={data.agencies} onDone={done} />
              <FormsLinks dossier={data.dossier} events={data.timeline} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
            <Details data={data} me={me} reload={reload} />
          </Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
}

function Details({ data, me, reload }: { data: DossierBundle; me: Me; reload: () => void }) {
  const { t } = useTranslation('workspace');
  const { dossier, files, agencies } = data;
  const isDesk = holdsRole(me, ['counter_officer'], dossier.receivingAgencyId, agencies);
  const canScan = isDesk && SCANNABLE.has(dossier.status);
  const canAttach =
    RESULT_TIME.has(dossier.status) &&
    (isDesk || holdsRole(me, ['specialist', 'leader'], dossier.competentAgencyId, agencies));
  const people = peopleOf(data, me);
  return (
    <Stack gap="lg">
      <FormDataView formData={dossier.formData} schema={data.procedure?.eform?.schema ?? null} />
      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="components-title">
        <Title order={2} fz="h3" id="components-title" mb="xs">
          {t('files.components')}
        </Title>
        <ComponentScans dossier={dossier} files={files} canScan={canScan} onChanged={reload} />
      </Card>
      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="results-title">
        <Title order={2} fz="h3" id="results-title" mb="xs">
          {t('files.results')}
        </Title>
        <ResultFiles dossierId={dossier.id} files={files.items} canAttach={canAttach} onChanged={reload} />
      </Card>
      <TimelineSection dossierId={dossier.id} events={data.timeline} agencies={agencies} people={people} />
    </Stack>
  );
}

/** Names the page can tell: the caller, whoever acted on the dossier. */
function peopleOf(data: DossierBundle, me: Me): Map<string, string> {
  const people = new Map<string, string>();
  for (const e of data.timeline) if (e.actorId && e.actorName) people.set(e.actorId, e.actorName);
  people.set(me.id, me.fullName);
  return people;
}

function Notice({
  action,
  dossier,
  onClose,
}: {
  action: OfficialAction;
  dossier: Dossier;
  onClose: () => void;
}) {
  const { t } = useTranslation('workspace');
  const form = FORM_OF[action];
  return (
    <Alert
      color="green"
      variant="light"
      role="status"
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onClose}
      data-testid="action-done"
    >
      <Text size="sm" fw={600}>
        {t(`action.${action}.done`, { code: dossier.code ?? '' })}
      </Text>
      {form && (
        <Anchor
          size="sm"
          href={`/api/dossiers/${encodeURIComponent(dossier.id)}/forms/${form}`}
          target="_blank"
          rel="noopener"
        >
          {t(`forms.f${form}`)} ({t('forms.pdf')})
        </Anchor>
      )}
    </Alert>
  );
}

function NotFound() {
  const { t } = useTranslation('workspace');
  return (
    <Stack gap="md" align="flex-start">
      <Title order={1} fz={{ base: 26, sm: 32 }}>
        {t('casework.notFoundTitle')}
      </Title>
      <Text>{t('casework.notFoundBody')}</Text>
      <Anchor component={Link} href="/can-bo" className="ws-tap">
        {t('casework.back')}
      </Anchor>
    </Stack>
  );
}
