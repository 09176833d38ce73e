import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Radio.css';
import { Radio, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../format';
import { ActionShell } from './ActionShell';
import type { ActionProps } from './types';

/** Receive, approve: a confirmation with an optional note for the timeline. */
export function NoteAction({
  action,
  dossier,
  onDone,
  onClose,
}: ActionProps & { action: 'receive' | 'approve' }) {
  const { t, i18n } = useTranslation('workspace');
  const [note, setNote] = useState('');
  return (
    <ActionShell
      action={action}
      dossierId={dossier.id}
      build={() => (note.trim() ? { note: note.trim() } : {})}
      onDone={onDone}
      onClose={onClose}
    >
      {(error) => (
        <Textarea
          label={t('fields.note')}
          description={t('fields.noteHelp')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldError(error, i18n.language, 'body.note')}
          autosize
          minRows={2}
          maxLength={2000}
        />
      )}
    </ActionShell>
  );
}

/** Refuse at intake (Form 03), refuse to resolve, suspend (Form 05): a reason is required. */
export function ReasonAction({
  action,
  dossier,
  onDone,
  onClose,
}: ActionProps & { action: 'refuse_intake' | 'refuse' | 'suspend' }) {
  const { t, i18n } = useTranslation('workspace');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <ActionShell
      action={action}
      dossierId={dossier.id}
      destructive
      build={() => {
        const r = reason.trim();
        setMissing(r.length < 3);
        return r.length < 3 ? null : { reason: r };
      }}
      onDone={onDone}
      onClose={onClose}
    >
      {(error) => (
        <Textarea
          label={t('fields.reason')}
          description={t(`action.${action}.reasonHelp`)}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={(missing && t('fields.reasonRequired')) || fieldError(error, i18n.language, 'body.reason')}
          required
          autosize
          minRows={3}
          maxLength={2000}
        />
      )}
    </ActionShell>
  );
}

const METHODS = ['counter', 'post', 'electronic'] as const;

/** Return the result: at the counter, by post, or electronically (needs the result file uploaded). */
export function ReturnAction({ dossier, onDone, onClose }: ActionProps) {
  const { t, i18n } = useTranslation('workspace');
  const [method, setMethod] = useState<string>(dossier.channel === 'online' ? 'electronic' : 'counter');
  const [note, setNote] = useState('');
  return (
    <ActionShell
      action="return_result"
      dossierId={dossier.id}
      build={() => ({ method, ...(note.trim() ? { note: note.trim() } : {}) })}
      onDone={onDone}
      onClose={onClose}
    >
      {(error) => (
        <Stack gap="md">
          <Radio.Group
            label={t('fields.returnMethod')}
            value={method}
            onChange={setMethod}
            error={fieldError(error, i18n.language, 'body.method')}
            required
          >
            <Stack gap="xs" mt="xs">
              {METHODS.map((m) => (
                <Radio
                  key={m}
                  value={m}
                  label={t(`returnMethod.${m}`)}
                  description={t(`returnMethodHelp.${m}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('fields.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
          />
        </Stack>
      )}
    </ActionShell>
  );
}
