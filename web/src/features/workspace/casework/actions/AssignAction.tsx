import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Radio.css';
import { Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../../ui/ErrorState';
import { LoadingState } from '../../../../ui/LoadingState';
import { useApiQuery } from '../../../../ui/useApiQuery';
import type { Assignee } from '../../api';
import { fieldError } from '../../format';
import { ActionShell } from './ActionShell';
import type { ActionProps } from './types';

/** Assign a handler: the specialists and leaders of the deciding authority (the server's list). */
export function AssignAction({ dossier, onDone, onClose }: ActionProps) {
  const { t, i18n } = useTranslation('workspace');
  const { t: tApp } = useTranslation();
  const people = useApiQuery<{ items: Assignee[] }>(
    `/api/dossiers/${encodeURIComponent(dossier.id)}/assignees`,
    {
      fresh: true,
    },
  );
  const [handler, setHandler] = useState<string>(dossier.handlerId ?? '');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <ActionShell
      action="assign"
      dossierId={dossier.id}
      build={() => {
        setMissing(!handler);
        return handler ? { handlerId: handler, ...(note.trim() ? { note: note.trim() } : {}) } : null;
      }}
      onDone={onDone}
      onClose={onClose}
    >
      {(error) =>
        people.status === 'error' ? (
          <ErrorState error={people.error} onRetry={people.retry} />
        ) : people.status !== 'success' ? (
          <LoadingState label={t('fields.loadingPeople')} />
        ) : people.data.items.length === 0 ? (
          <Text c="dimmed">{t('fields.noAssignees')}</Text>
        ) : (
          <Stack gap="md">
            <Radio.Group
              label={t('fields.handler')}
              value={handler}
              onChange={setHandler}
              error={
                (missing && t('fields.handlerRequired')) || fieldError(error, i18n.language, 'body.handlerId')
              }
              required
            >
              <Stack gap="xs" mt="xs">
                {byPerson(people.data.items).map((p) => (
                  <Radio
                    key={p.id}
                    value={p.id}
                    label={p.fullName}
                    description={p.roles
                      .map((r) => tApp(`roles.${r}` as 'roles.leader', { defaultValue: r }))
                      .join(', ')}
                  />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea
              label={t('fields.instructions')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={2000}
            />
          </Stack>
        )
      }
    </ActionShell>
  );
}

/** One choice per person, with all their roles ("Chuyên viên, Lãnh đạo"). */
function byPerson(items: Assignee[]): { id: string; fullName: string; roles: string[] }[] {
  const map = new Map<string, { id: string; fullName: string; roles: string[] }>();
  for (const a of items) {
    const p = map.get(a.id) ?? { id: a.id, fullName: a.fullName, roles: [] };
    p.roles.push(a.role);
    map.set(a.id, p);
  }
  return [...map.values()];
}
