import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from './api';
import { pickLocalized } from './localized';

export interface ErrorStateProps {
  error: ApiError;
  onRetry: () => void;
  title?: string;
  message?: string;
}

/** A failed load, said plainly in the current language, with a way to try again. */
export function ErrorState({ error, onRetry, title, message }: ErrorStateProps) {
  const { t, i18n } = useTranslation();
  return (
    <Alert color="red" variant="light" title={title ?? t('state.errorTitle')} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{message ?? t('state.errorBody')}</Text>
        <Text size="xs" c="dimmed">
          {error.status === 0 ? t('state.networkError') : t('state.errorStatus', { status: error.status })}
          {error.detail ? ` — ${pickLocalized(error.detail, i18n.language)}` : ''}
        </Text>
        <Button color="red" variant="filled" onClick={onRetry}>
          {t('state.retry')}
        </Button>
      </Stack>
    </Alert>
  );
}
