import { Alert, Button, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, navigate } from '../../../app/router';
import { ErrorState } from '../../../ui/ErrorState';
import { LoadingState } from '../../../ui/LoadingState';
import { pickLocalized } from '../../../ui/localized';
import { useApiQuery } from '../../../ui/useApiQuery';
import { vnDateTime } from '../format';
import { type Dossier, dossierPath, submitHref, type TimelineEvent } from '../model';
import { ReceiptCard } from '../ReceiptCard';
import { StatusBadge } from '../StatusBadge';

/**
 * After filing: what happened and what comes next. An online dossier gets its code when the desk
 * receives it, so until then the page says the desk will check it; once received it shows the
 * receipt (code, appointment, QR code, PDF).
 */
export function Receipt({ id }: { id: string }) {
  const { t, i18n } = useTranslation('dossiers');
  const dossier = useApiQuery<Dossier>(dossierPath(id), { fresh: true });
  const timeline = useApiQuery<{ items: TimelineEvent[] }>(`${dossierPath(id)}/timeline`, { fresh: true });

  // A draft has no receipt yet: back to filling it in.
  const draft = dossier.status === 'success' && dossier.data.status === 'draft' ? dossier.data : null;
  useEffect(() => {
    if (draft) navigate(submitHref(draft.procedureCode, draft.id), { replace: true });
  }, [draft]);

  if (dossier.status === 'error') {
    return (
      <Container size="md" py="xl" className="cqs-dossiers">
        <ErrorState error={dossier.error} onRetry={dossier.retry} />
      </Container>
    );
  }
  if (dossier.status !== 'success' || draft) return <LoadingState label={t('receipt.loading')} />;
  const d = dossier.data;
  const submittedAt =
    timeline.status === 'success' ? timeline.data.items.findLast((e) => e.type === 'submit')?.at : undefined;

  return (
    <Container size="md" py="xl" className="cqs-dossiers">
      <Stack gap="lg">
        <Alert color="green" variant="light" role="status" data-testid="submitted">
          <Title order={1} fz={{ base: 22, sm: 28 }} mb={4}>
            {t('receipt.heading')}
          </Title>
          <Text>{t('receipt.thanks', { name: pickLocalized(d.procedureName, i18n.language) })}</Text>
        </Alert>
        <Card withBorder radius="md" padding="lg">
          <Stack gap="sm">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text fw={600}>{pickLocalized(d.procedureName, i18n.language)}</Text>
              <StatusBadge status={d.status} testId="receipt-status" />
            </Group>
            {submittedAt && (
              <Text size="sm">
                {t('receipt.submittedAt')}: <strong>{vnDateTime(submittedAt, i18n.language)}</strong>
              </Text>
            )}
            {!d.code && <Text>{t('receipt.waiting')}</Text>}
          </Stack>
        </Card>
        <ReceiptCard dossier={d} />
        <Group gap="sm">
          <Button component={Link} href={`/ho-so/${encodeURIComponent(d.id)}`}>
            {t('receipt.details')}
          </Button>
          <Button component={Link} href="/ho-so" variant="default">
            {t('title')}
          </Button>
        </Group>
      </Stack>
    </Container>
  );
}
