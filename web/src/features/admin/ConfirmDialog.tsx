import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/Overlay.css';
import { Button, Group, type MantineColor, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../ui/api';
import { asApiError } from './errors';
import { RequestError } from './RequestError';
import './i18n';

export interface ConfirmRequest {
  /** The question, e.g. "Vô hiệu hóa tài khoản của Nguyễn Văn A?" */
  title: string;
  /** What will happen, in a sentence. */
  body: string;
  confirmLabel: string;
  color?: MantineColor;
  run: () => Promise<void>;
}

/**
 * Asks before an act that is hard to undo (disable an account, revoke a role, end sessions). A
 * failure shows in the dialog, which stays open to try again; `request: null` closes it.
 */
export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // The words stay while the dialog closes: its buttons never go nameless mid-way.
  const [shown, setShown] = useState(request);
  useEffect(() => {
    if (request) setShown(request);
  }, [request]);
  const close = () => {
    if (busy) return;
    setError(null);
    onClose();
  };
  const confirm = async () => {
    if (!request) return;
    setBusy(true);
    setError(null);
    try {
      await request.run();
      onClose();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      opened={request !== null}
      onClose={close}
      title={shown?.title}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text>{shown?.body}</Text>
        {error && <RequestError error={error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button color={shown?.color ?? 'red'} onClick={confirm} loading={busy}>
            {shown?.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
