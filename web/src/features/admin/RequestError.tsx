import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../ui/api';
import { problemText } from './errors';
import './i18n';

/**
 * A failed change, said plainly next to the form that made it (the form keeps what was typed).
 * The server's own sentence when it has one (it names the problem: "Mã ứng dụng đã tồn tại").
 */
export function RequestError({ error, title }: { error: ApiError; title?: string }) {
  const { t, i18n } = useTranslation('admin');
  const text =
    error.status === 0
      ? t('common.networkError')
      : error.status === 401
        ? t('common.sessionEnded')
        : problemText(error, i18n.language, t('common.failed'));
  return (
    <Alert color="red" variant="light" role="alert" title={title}>
      <Text size="sm">{text}</Text>
    </Alert>
  );
}
