import { Button, CloseButton, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../format';
import { ActionShell } from './ActionShell';
import type { ActionProps } from './types';

const short = (s: string) => (s.length > 120 ? `${s.slice(0, 117)}…` : s);

/**
 * Request a supplement (Form 02): every missing or wrong paper listed once, completely (the rule is
 * one request with full guidance), picked from the procedure's components or typed.
 */
export function SupplementAction({ dossier, onDone, onClose }: ActionProps) {
  const { t, i18n } = useTranslation('workspace');
  const [items, setItems] = useState<string[]>(['']);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const set = (i: number, v: string) => setItems((list) => list.map((x, j) => (j === i ? v : x)));
  const add = (v = '') => setItems((list) => (list.length === 1 && list[0] === '' && v ? [v] : [...list, v]));

  return (
    <ActionShell
      action="request_supplement"
      dossierId={dossier.id}
      build={() => {
        const filled = items.map((x) => x.trim()).filter(Boolean);
        setMissing(filled.length === 0);
        if (filled.length === 0) return null;
        return { items: filled, ...(reason.trim() ? { reason: reason.trim() } : {}) };
      }}
      onDone={onDone}
      onClose={onClose}
    >
      {(error) => (
        <Stack gap="sm">
          {dossier.components.length > 0 && (
            <NativeSelect
              label={t('fields.pickComponent')}
              value=""
              onChange={(e) => e.currentTarget.value && add(e.currentTarget.value)}
              data={[
                { value: '', label: t('fields.pickComponentPlaceholder') },
                ...dossier.components.map((c) => ({
                  value: c.name,
                  label: `${c.index + 1}. ${short(c.name)}`,
                })),
              ]}
            />
          )}
          {items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; their position is their identity
            <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                label={t('fields.item', { n: i + 1 })}
                value={item}
                onChange={(e) => set(i, e.currentTarget.value)}
                error={
                  (missing && i === 0 && t('fields.itemsRequired')) ||
                  fieldError(error, i18n.language, `body.items.${i}`, ...(i === 0 ? ['body.items'] : []))
                }
                maxLength={500}
                style={{ flex: 1 }}
                data-testid={`supplement-item-${i}`}
              />
              {items.length > 1 && (
                <CloseButton
                  size="xl"
                  aria-label={t('fields.removeItem', { n: i + 1 })}
                  onClick={() => setItems((list) => list.filter((_, j) => j !== i))}
                />
              )}
            </Group>
          ))}
          <Button variant="light" onClick={() => add()} style={{ alignSelf: 'flex-start' }}>
            {t('fields.addItem')}
          </Button>
          <Textarea
            label={t('fields.supplementReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError(error, i18n.language, 'body.reason')}
            autosize
            minRows={2}
            maxLength={2000}
          />
        </Stack>
      )}
    </ActionShell>
  );
}
