import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../ui/api';
import { ErrorState } from '../../../ui/ErrorState';

/** A failed statistics call: "not yours to see" said kindly (403), anything else with a retry. */
export function StatsProblem({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useTranslation('statistics');
  if (error.status === 403)
    return (
      <Alert color="yellow" variant="light" title={t('gate.forbiddenTitle')} data-testid="stats-forbidden">
        <Text size="sm">{t('gate.forbiddenBody')}</Text>
      </Alert>
    );
  return <ErrorState error={error} onRetry={onRetry} />;
}
