import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/Overlay.css';
import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, sendJson } from '../../../../ui/api';
import type { Dossier, OfficialAction } from '../../api';
import { errorText } from '../../format';

/** A command body, or null when the form still has something to fix (already shown by the field). */
export type Build = () => Record<string, unknown> | null;

export interface ActionShellProps {
  action: OfficialAction;
  dossierId: string;
  /** Cannot be undone and ends or blocks the dossier: asks for an explicit confirmation. */
  destructive?: boolean;
  build: Build;
  onDone: (dossier: Dossier) => void;
  onClose: () => void;
  /** The action's fields, given the failed call (for the messages next to each field). */
  children: (error: unknown) => ReactNode;
}

/**
 * The dialog of one lifecycle action: its explanation, its fields, the server's refusal shown in
 * place (409 messages are in Vietnamese in `detail`), and what was typed kept when it fails.
 */
export function ActionShell({
  action,
  dossierId,
  destructive,
  build,
  onDone,
  onClose,
  children,
}: ActionShellProps) {
  const { t, i18n } = useTranslation('workspace');
  const phone = useMediaQuery('(max-width: 36em)');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [confirmed, setConfirmed] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = build();
    if (!body) return;
    setBusy(true);
    setError(null);
    try {
      const dossier = await sendJson<Dossier>(
        'POST',
        `/api/dossiers/${encodeURIComponent(dossierId)}/commands`,
        {
          type: action,
          ...body,
        },
      );
      onDone(dossier);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const onlyFields =
    error instanceof ApiError && error.fieldErrors.length > 0 && error.code === 'HTTP.VALIDATION';
  return (
    <Modal
      opened
      className="ws-root"
      onClose={onClose}
      title={
        <Text fw={700} fz="lg">
          {t(`action.${action}.title`)}
        </Text>
      }
      size="lg"
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t(`action.${action}.help`)}</Text>
          {children(error)}
          {destructive && (
            <Checkbox
              label={t(`action.${action as 'refuse'}.confirm`)}
              checked={confirmed}
              onChange={(e) => setConfirmed(e.currentTarget.checked)}
            />
          )}
          {error !== null && (
            <Alert color="red" variant="light" role="alert" data-testid="action-error">
              {onlyFields ? t('common.fixFields') : errorText(error, i18n.language, t('common.failed'))}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={busy}
              color={destructive ? 'red.9' : undefined}
              disabled={destructive && !confirmed}
            >
              {t(`action.${action}.submit`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
