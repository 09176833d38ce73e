import { Button, Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../ui/useApiQuery';
import {
  choiceOf,
  keyOf,
  PERIOD_KINDS,
  type PeriodBounds,
  type PeriodChoice,
  type PeriodKind,
  yearOptions,
} from './period';

/** Year, half, quarter, month or a range of days; every change but a range applies at once. */
export function PeriodPicker({ value, onChange }: { value: string; onChange: (key: string) => void }) {
  const { t } = useTranslation('statistics');
  const [choice, setChoice] = useState<PeriodChoice>(() => choiceOf(value));
  const boundsQuery = useApiQuery<PeriodBounds>('/api/reporting/periods');
  const bounds = boundsQuery.status === 'success' ? boundsQuery.data : undefined;
  useEffect(() => setChoice(choiceOf(value)), [value]);

  const apply = (next: PeriodChoice) => {
    setChoice(next);
    const key = keyOf(next);
    if (next.kind !== 'range' && key) onChange(key);
  };
  const rangeKey = keyOf(choice);

  const parts =
    choice.kind === 'half'
      ? (['H1', 'H2'] as const).map((h, i) => ({ value: String(i + 1), label: t(`period.halves.${h}`) }))
      : choice.kind === 'quarter'
        ? [1, 2, 3, 4].map((n) => ({ value: String(n), label: t('period.quarterN', { n }) }))
        : Array.from({ length: 12 }, (_, i) => ({
            value: String(i + 1),
            label: t('period.monthN', { n: i + 1 }),
          }));
  const partLabel =
    choice.kind === 'half'
      ? t('period.half')
      : choice.kind === 'quarter'
        ? t('period.quarter')
        : t('period.month');

  return (
    <fieldset className="st-fieldset">
      <legend>
        <Text fw={600} size="sm" component="span">
          {t('period.legend')}
        </Text>
      </legend>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('period.kind')}
          value={choice.kind}
          onChange={(e) => apply({ ...choice, kind: e.currentTarget.value as PeriodKind, part: 1 })}
          data={PERIOD_KINDS.map((k) => ({ value: k, label: t(`period.kinds.${k}`) }))}
        />
        {choice.kind !== 'range' && (
          <NativeSelect
            label={t('period.year')}
            value={String(choice.year)}
            onChange={(e) => apply({ ...choice, year: Number(e.currentTarget.value) })}
            data={yearOptions(bounds?.earliest).map((y) => String(y))}
          />
        )}
        {(choice.kind === 'half' || choice.kind === 'quarter' || choice.kind === 'month') && (
          <NativeSelect
            label={partLabel}
            value={String(choice.part)}
            onChange={(e) => apply({ ...choice, part: Number(e.currentTarget.value) })}
            data={parts}
          />
        )}
        {choice.kind === 'range' && (
          <>
            <TextInput
              type="date"
              label={t('period.from')}
              value={choice.from}
              min={bounds?.earliest}
              max={bounds?.today}
              onChange={(e) => setChoice({ ...choice, from: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t('period.to')}
              value={choice.to}
              min={bounds?.earliest}
              onChange={(e) => setChoice({ ...choice, to: e.currentTarget.value })}
              error={rangeKey ? undefined : t('period.badRange')}
            />
            <Button disabled={!rangeKey} onClick={() => rangeKey && onChange(rangeKey)}>
              {t('period.apply')}
            </Button>
          </>
        )}
      </Group>
    </fieldset>
  );
}
