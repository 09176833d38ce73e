import { Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, formatDateTime, vietnamInputParts } from '../../format';
import { ActionShell } from './ActionShell';
import type { ActionProps } from './types';

/**
 * Apologise and set a new date (Form 04): once per dossier, at the latest the working day before
 * the due date. The server checks both and says so; here the new date must come after the current one.
 */
export function ExtendAction({ dossier, onDone, onClose }: ActionProps) {
  const { t, i18n } = useTranslation('workspace');
  const current = dossier.dueAt ? vietnamInputParts(dossier.dueAt) : { date: '', time: '16:00' };
  const [date, setDate] = useState(current.date);
  const [time, setTime] = useState(current.time || '16:00');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{ date?: string; reason?: boolean }>({});

  const build = () => {
    const next: { date?: string; reason?: boolean } = {};
    const iso =
      /^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}$/.test(time) ? `${date}T${time}:00+07:00` : null;
    if (!iso) next.date = t('fields.dateInvalid');
    else if (dossier.dueAt && new Date(iso).getTime() <= new Date(dossier.dueAt).getTime())
      next.date = t('fields.dateNotLater');
    if (reason.trim().length < 3) next.reason = true;
    setProblems(next);
    return next.date || next.reason ? null : { newDueAt: iso, reason: reason.trim() };
  };

  return (
    <ActionShell action="extend" dossierId={dossier.id} build={build} onDone={onDone} onClose={onClose}>
      {(error) => (
        <Stack gap="md">
          <Text size="sm">
            {t('fields.currentDue')}: <strong>{formatDateTime(dossier.dueAt, i18n.language)}</strong>
          </Text>
          <Group gap="sm" align="flex-start" wrap="wrap">
            <TextInput
              type="date"
              label={t('fields.newDate')}
              value={date}
              min={current.date || undefined}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={problems.date || fieldError(error, i18n.language, 'body.newDueAt')}
              required
              style={{ flex: '1 1 12rem' }}
            />
            <TextInput
              type="time"
              label={t('fields.newTime')}
              value={time}
              onChange={(e) => setTime(e.currentTarget.value)}
              required
              style={{ flex: '0 1 9rem' }}
            />
          </Group>
          <Textarea
            label={t('fields.apology')}
            description={t('fields.apologyHelp')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={
              (problems.reason && t('fields.reasonRequired')) ||
              fieldError(error, i18n.language, 'body.reason')
            }
            required
            autosize
            minRows={3}
            maxLength={2000}
          />
        </Stack>
      )}
    </ActionShell>
  );
}
