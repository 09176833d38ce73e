import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DossierStatus } from './model';
import './i18n';

// Colours carry meaning only beside the words: grey waits on the person, blue on the office,
// orange asks the person to act, green is done, red stopped.
const COLORS: Record<DossierStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  supplement_requested: 'orange',
  received: 'indigo',
  in_progress: 'indigo',
  finished: 'teal',
  returned: 'green',
  refused_at_intake: 'red',
  withdrawn: 'gray',
  suspended: 'red',
};

export function StatusBadge({ status, testId }: { status: DossierStatus; testId?: string }) {
  const { t } = useTranslation('dossiers');
  return (
    <Badge
      size="lg"
      radius="sm"
      variant="light"
      color={COLORS[status] ?? 'gray'}
      tt="none"
      data-testid={testId}
      style={{ flexShrink: 0 }}
    >
      {t(`status.${status}`)}
    </Badge>
  );
}
