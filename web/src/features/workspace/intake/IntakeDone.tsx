import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../app/auth';
import { Link } from '../../../app/router';
import { ErrorState } from '../../../ui/ErrorState';
import { LoadingState } from '../../../ui/LoadingState';
import { holdsRole } from '../api';
import { ComponentScans } from '../files/ComponentScans';
import { formatDateTime } from '../format';
import { useDossier } from '../useDossier';
import { PrintSummary } from './PrintSummary';

/**
 * After the intake: scan each paper (camera on a tablet), mark the dossier digitized, and hand the
 * applicant the receipt (Form 01 with its QR code) or a printed summary.
 */
export function IntakeDone({ id, me }: { id: string; me: Me }) {
  const { t, i18n } = useTranslation('workspace');
  const { state, reload } = useDossier(id);
  const data =
    state.status === 'success' ? state.data : state.status === 'loading' ? state.previous : undefined;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  if (!data) return <LoadingState label={t('casework.loading')} />;
  const { dossier, files, agencies } = data;
  const canScan =
    holdsRole(me, ['counter_officer'], dossier.receivingAgencyId, agencies) &&
    ['received', 'in_progress', 'supplement_requested'].includes(dossier.status);
  const receipt = `/api/dossiers/${encodeURIComponent(dossier.id)}/forms/01`;
  return (
    <Stack gap="lg">
      <Alert color="green" variant="light" role="status" className="ws-screen-only" data-testid="intake-done">
        <Text fw={600}>{t('intake.done', { code: dossier.code ?? '' })}</Text>
        <Text size="sm">{t('intake.doneDue', { time: formatDateTime(dossier.dueAt, i18n.language) })}</Text>
      </Alert>

      <Card
        withBorder
        padding="lg"
        radius="md"
        component="section"
        aria-labelledby="receipt-title"
        className="ws-screen-only"
      >
        <Title order={2} fz="h3" id="receipt-title" mb="sm">
          {t('intake.receiptTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('intake.receiptHelp')}
        </Text>
        <Group gap="sm">
          <Button component="a" href={receipt} target="_blank" rel="noopener" data-testid="receipt-link">
            {t('intake.printReceipt')}
          </Button>
          <Button variant="default" onClick={() => window.print()}>
            {t('intake.printSummary')}
          </Button>
        </Group>
      </Card>

      <Card
        withBorder
        padding="lg"
        radius="md"
        component="section"
        aria-labelledby="scan-title"
        className="ws-screen-only"
      >
        <Title order={2} fz="h3" id="scan-title" mb="xs">
          {t('intake.scanTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('intake.scanHelp')}
        </Text>
        {/* A counter intake is paper (in person or by post), so the scan buttons and "digitized" show. */}
        <ComponentScans dossier={dossier} files={files} canScan={canScan} onChanged={reload} />
      </Card>

      <PrintSummary dossier={dossier} agencies={agencies} files={files.items} />

      <Group gap="md" className="ws-screen-only">
        <Anchor component={Link} href={`/can-bo/ho-so/${encodeURIComponent(dossier.id)}`} className="ws-tap">
          {t('intake.openDossier')}
        </Anchor>
        <Anchor component={Link} href="/can-bo/tiep-nhan" className="ws-tap">
          {t('intake.another')}
        </Anchor>
        <Anchor component={Link} href="/can-bo?queue=in_progress" className="ws-tap">
          {t('intake.toQueue')}
        </Anchor>
      </Group>
    </Stack>
  );
}
