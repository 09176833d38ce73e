import { Alert, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendJson } from '../../../ui/api';
import { errorText, formatDateTime } from '../format';

export interface DigitizeProps {
  dossierId: string;
  digitizedAt: string | null;
  canScan: boolean;
  hasScans: boolean;
  onDone: () => void;
}

/** The desk confirms every paper component is scanned (Decree 30): the dossier counts as digitized. */
export function DigitizeButton({ dossierId, digitizedAt, canScan, hasScans, onDone }: DigitizeProps) {
  const { t, i18n } = useTranslation('workspace');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (digitizedAt)
    return (
      <Text fw={600} c="#185a2b" data-testid="digitized">
        {t('files.digitizedAt', { time: formatDateTime(digitizedAt, i18n.language) })}
      </Text>
    );
  if (!canScan) return <Text c="dimmed">{t('files.notDigitized')}</Text>;
  const mark = async () => {
    setBusy(true);
    setError(null);
    try {
      await sendJson('POST', `/api/dossiers/${encodeURIComponent(dossierId)}/digitized`);
      onDone();
    } catch (e) {
      setError(errorText(e, i18n.language, t('files.digitizeFailed')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs" align="flex-start">
      <Text size="sm" c="dimmed">
        {hasScans ? t('files.digitizeHelp') : t('files.digitizeNeedsScans')}
      </Text>
      <Button onClick={mark} loading={busy} disabled={!hasScans}>
        {t('files.markDigitized')}
      </Button>
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
