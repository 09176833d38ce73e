import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Tone } from './api';
import './workspace.css';

// Statuses whose clock runs: the deadline colour means something only for these.
const RUNNING = new Set(['received', 'in_progress']);

export interface DeadlineProps {
  status: string;
  tone: Tone | null;
  daysLeft: number | null;
}

/**
 * The deadline as colour AND words (never colour alone): "Còn hạn · còn 3 ngày làm việc",
 * "Sắp đến hạn · hết hạn hôm nay", "Quá hạn · quá hạn 2 ngày làm việc".
 */
export function DeadlineBadge({ status, tone, daysLeft }: DeadlineProps) {
  const { t } = useTranslation('workspace');
  if (status === 'supplement_requested')
    return (
      <span className="ws-tone" data-tone="paused">
        {t('deadline.paused')}
      </span>
    );
  if (!tone || !RUNNING.has(status) || daysLeft === null) return null;
  const days =
    tone === 'overdue'
      ? daysLeft === 0
        ? t('deadline.overdueToday')
        : t('deadline.overdueDays', { count: -daysLeft })
      : daysLeft === 0
        ? t('deadline.dueToday')
        : t('deadline.daysLeft', { count: daysLeft });
  return (
    <span className="ws-tone" data-tone={tone} data-testid="deadline">
      <span className="ws-tone-dot" aria-hidden="true" />
      <span>
        <strong>{t(`tone.${tone}`)}</strong> · {days}
      </span>
    </span>
  );
}

/** The dossier's status in words, in a neutral badge (the deadline carries the colour). */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('workspace');
  return (
    <Badge variant="outline" color="gray.8" radius="sm" tt="none" size="lg" fw={600} data-testid="status">
      {t(`status.${status}`, { defaultValue: status })}
    </Badge>
  );
}
