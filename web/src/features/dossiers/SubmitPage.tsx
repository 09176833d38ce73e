import { Alert, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, type PageProps, useSearchParams } from '../../app/router';
import { usePageTitle } from '../../app/title';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { pickLocalized } from '../../ui/localized';
import { submitHref } from './model';
import { RequireSignIn } from './RequireSignIn';
import { useWizardLoad } from './submit/load';
import { Receipt } from './submit/Receipt';
import { clearSession } from './submit/session';
import { Wizard } from './submit/Wizard';
import './dossiers.css';
import './i18n';

/**
 * `/nop-ho-so/:code`: filing a dossier online. `?nhap=<id>` reopens a draft; `?bien-nhan=<id>`
 * is the page shown once it is filed.
 */
export function SubmitPage({ params }: PageProps) {
  const { t } = useTranslation('dossiers');
  usePageTitle(t('wizard.title'));
  const code = params.code ?? '';
  const search = useSearchParams();
  const receiptId = search.get('bien-nhan');
  return (
    <RequireSignIn>
      {() => (receiptId ? <Receipt id={receiptId} /> : <WizardPage key={code} code={code} />)}
    </RequireSignIn>
  );
}

function WizardPage({ code }: { code: string }) {
  const { t, i18n } = useTranslation('dossiers');
  // Read once: the wizard itself writes `?nhap=` into the address when it saves the draft.
  const [draftId, setDraftId] = useState(() => new URLSearchParams(window.location.search).get('nhap'));
  const load = useWizardLoad(code, draftId);
  const startNew = () => {
    clearSession(code);
    window.history.replaceState(null, '', submitHref(code));
    setDraftId(null);
    load.retry();
  };

  if (load.status === 'loading') return <LoadingState label={t('wizard.loading')} />;
  if (load.status === 'error') {
    return (
      <Container size="md" py="xl" className="cqs-dossiers">
        <Stack gap="md">
          <Title order={1} fz={{ base: 24, sm: 30 }}>
            {t('wizard.title')}
          </Title>
          {load.error.status === 404 ? (
            <Alert color="yellow" variant="light" role="alert">
              {t('wizard.notFound')}
            </Alert>
          ) : (
            <ErrorState error={load.error} onRetry={load.retry} />
          )}
        </Stack>
      </Container>
    );
  }
  if (load.status === 'filed') {
    const d = load.dossier;
    return (
      <Container size="md" py="xl" className="cqs-dossiers">
        <Stack gap="md" align="flex-start">
          <Title order={1} fz={{ base: 24, sm: 30 }}>
            {pickLocalized(d.procedureName, i18n.language)}
          </Title>
          <Alert color="blue" variant="light" w="100%">
            {t('wizard.alreadyFiled')}
          </Alert>
          <Group gap="sm">
            <Button component={Link} href={`/ho-so/${encodeURIComponent(d.id)}`}>
              {t('receipt.details')}
            </Button>
            <Button variant="default" onClick={startNew}>
              {t('wizard.startNew')}
            </Button>
          </Group>
        </Stack>
      </Container>
    );
  }
  const { procedure } = load.start;
  const online =
    procedure.enabled && procedure.onlineType === 'full' && procedure.channels.includes('online');
  if (!online) {
    return (
      <Container size="md" py="xl" className="cqs-dossiers">
        <Stack gap="md" align="flex-start">
          <Title order={1} fz={{ base: 24, sm: 30 }}>
            {pickLocalized(procedure.name, i18n.language)}
          </Title>
          <Alert color="yellow" variant="light" role="alert" w="100%">
            <Text>{t('wizard.notOnline')}</Text>
          </Alert>
          <Button component={Link} href={`/thu-tuc/${encodeURIComponent(procedure.code)}`} variant="default">
            {t('wizard.seeProcedure')}
          </Button>
        </Stack>
      </Container>
    );
  }
  return <Wizard start={load.start} />;
}
