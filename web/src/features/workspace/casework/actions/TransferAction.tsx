import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/NumberInput.css';
import '@mantine/core/styles/ScrollArea.css';
import { NativeSelect, NumberInput, Select, Stack, Textarea } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLocalized } from '../../../../ui/localized';
import { useApiQuery } from '../../../../ui/useApiQuery';
import type { Assignee } from '../../api';
import { fieldError, searchKey } from '../../format';
import { ActionShell } from './ActionShell';
import type { ActionProps } from './types';

/**
 * Transfer to another agency (an inter-agency step with its own deadline and, optionally, a named
 * handler) or consult one (a question with a reply deadline). The dossier stays in progress.
 */
export function TransferAction({
  action,
  dossier,
  agencies,
  onDone,
  onClose,
}: ActionProps & { action: 'transfer' | 'consult' }) {
  const { t, i18n } = useTranslation('workspace');
  const lang = i18n.language;
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [handler, setHandler] = useState('');
  const [days, setDays] = useState<number | string>(action === 'consult' ? 5 : 3);
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<{ agency?: boolean; days?: boolean }>({});
  const people = useApiQuery<{ items: Assignee[] }>(
    action === 'transfer' ? `/api/dossiers/${encodeURIComponent(dossier.id)}/assignees` : null,
    { fresh: true },
  );
  const options = useMemo(
    () => agencies.map((a) => ({ value: a.id, label: pickLocalized(a.name, lang) })),
    [agencies, lang],
  );
  const keys = useMemo(() => new Map(options.map((o) => [o.value, searchKey(o.label)])), [options]);
  const handlers =
    people.status === 'success' ? [...new Map(people.data.items.map((p) => [p.id, p])).values()] : [];

  const build = () => {
    const n = typeof days === 'number' ? days : Number(days);
    const next = { agency: !agencyId, days: !(n > 0 && n <= 365) };
    setProblems(next);
    if (next.agency || next.days) return null;
    const target = { kind: 'agency', id: agencyId };
    const duration = { value: n, unit: 'working_days' };
    const body: Record<string, unknown> =
      action === 'transfer'
        ? { to: target, duration, ...(handler ? { handlerId: handler } : {}) }
        : { with: target, duration, ...(text.trim() ? { question: text.trim() } : {}) };
    if (action === 'transfer' && text.trim()) body.note = text.trim();
    return body;
  };

  return (
    <ActionShell action={action} dossierId={dossier.id} build={build} onDone={onDone} onClose={onClose}>
      {(error) => (
        <Stack gap="md">
          <Select
            label={action === 'transfer' ? t('fields.transferTo') : t('fields.consultWith')}
            placeholder={t('fields.agencyPlaceholder')}
            data={options}
            value={agencyId}
            onChange={setAgencyId}
            searchable
            limit={50}
            nothingFoundMessage={t('fields.noAgency')}
            filter={({ options: list, search }) => {
              const k = searchKey(search.trim());
              return list.filter((o) => 'value' in o && (keys.get(o.value) ?? '').includes(k));
            }}
            error={
              (problems.agency && t('fields.agencyRequired')) ||
              fieldError(error, lang, 'body.to.id', 'body.to', 'body.with.id', 'body.with')
            }
            required
            comboboxProps={{ withinPortal: true }}
          />
          {action === 'transfer' && handlers.length > 0 && (
            <NativeSelect
              label={t('fields.handlerOptional')}
              value={handler}
              onChange={(e) => setHandler(e.currentTarget.value)}
              data={[
                { value: '', label: t('fields.noHandlerChoice') },
                ...handlers.map((p) => ({ value: p.id, label: p.fullName })),
              ]}
              error={fieldError(error, lang, 'body.handlerId')}
            />
          )}
          <NumberInput
            label={action === 'transfer' ? t('fields.stepDays') : t('fields.replyDays')}
            description={t('fields.daysHelp')}
            value={days}
            onChange={setDays}
            min={1}
            max={365}
            allowDecimal={false}
            error={
              (problems.days && t('fields.daysInvalid')) ||
              fieldError(error, lang, 'body.duration.value', 'body.duration')
            }
            required
          />
          <Textarea
            label={action === 'transfer' ? t('fields.instructions') : t('fields.question')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
          />
        </Stack>
      )}
    </ActionShell>
  );
}
