import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dossierPath } from '../model';
import { usePost } from './usePost';

/**
 * "Rút hồ sơ": the applicant stops their own dossier. Two steps, so a slip of the thumb cannot
 * do it: the button opens the reason and the warning, and only the confirmation sends it.
 */
export function WithdrawPanel({ dossierId, onDone }: { dossierId: string; onDone: () => void }) {
  const { t } = useTranslation('dossiers');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, error, post } = usePost();
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  const confirm = () =>
    post(
      `${dossierPath(dossierId)}/commands`,
      { type: 'withdraw', ...(reason.trim() ? { reason: reason.trim() } : {}) },
      () => {
        setOpen(false);
        onDone();
      },
    );

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="withdraw-title">
      <Stack gap="sm">
        <Title order={2} fz="h3" id="withdraw-title">
          {t('withdraw.title')}
        </Title>
        <Text size="sm">{t('withdraw.intro')}</Text>
        {!open ? (
          <div>
            <Button
              variant="outline"
              color="red"
              onClick={() => {
                setOpen(true);
                requestAnimationFrame(() => reasonRef.current?.focus());
              }}
            >
              {t('withdraw.open')}
            </Button>
          </div>
        ) : (
          <Stack gap="sm">
            <Textarea
              ref={reasonRef}
              label={t('withdraw.reason')}
              description={t('withdraw.reasonHelp')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              maxLength={2000}
              autosize
              minRows={2}
            />
            <Alert color="yellow" variant="light">
              {t('withdraw.warning')}
            </Alert>
            {error && (
              <Alert color="red" variant="light" role="alert">
                {error}
              </Alert>
            )}
            <Group gap="sm">
              <Button color="red" onClick={confirm} loading={busy}>
                {t('withdraw.confirm')}
              </Button>
              <Button variant="default" onClick={() => setOpen(false)} disabled={busy}>
                {t('withdraw.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
