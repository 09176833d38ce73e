import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../i18n';

/**
 * The new client's secret, shown this once: a plain warning, a copy button, and nothing kept after
 * "I have saved it" (the server cannot show it again, only a new registration makes another).
 */
export function SecretReveal({
  clientId,
  secret,
  onDone,
}: {
  clientId: string;
  secret: string | null;
  onDone: () => void;
}) {
  const { t } = useTranslation('admin');
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret ?? '');
      setCopied('yes');
    } catch {
      // Without clipboard permission (an http address, an old browser) the text can still be selected.
      setCopied('failed');
    }
  };
  return (
    <Alert
      color="orange"
      variant="light"
      title={t('clients.createdTitle', { clientId })}
      data-testid="client-secret-panel"
    >
      <Stack gap="sm">
        {secret ? (
          <>
            <Text fw={600}>{t('clients.secretWarning')}</Text>
            <Text size="sm">{t('clients.secretLabel')}</Text>
            <div className="cqs-secret" data-testid="client-secret">
              {secret}
            </div>
            <Group gap="sm">
              <Button onClick={copy}>{t('clients.copy')}</Button>
              <Button variant="default" onClick={onDone}>
                {t('clients.saved')}
              </Button>
            </Group>
            <Text size="sm" role="status">
              {copied === 'yes' ? t('clients.copied') : copied === 'failed' ? t('clients.copyFailed') : ''}
            </Text>
          </>
        ) : (
          <>
            <Text>{t('clients.publicNoSecret')}</Text>
            <Group>
              <Button variant="default" onClick={onDone}>
                {t('common.close')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Alert>
  );
}
