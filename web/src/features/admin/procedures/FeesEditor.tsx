import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/NumberInput.css';
import { Button, Checkbox, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EditorBlock } from './EditorBlock';
import type { BlockProps } from './GeneralFields';
import '../i18n';

/** Fees by case ("Cấp mới", "Cấp lại"), in whole đồng; none means the procedure is free. */
export function FeesEditor({ draft, update, problem }: BlockProps) {
  const { t, i18n } = useTranslation('admin');
  const fees = draft.fees;
  const change = (i: number, fee: Partial<(typeof fees)[number]>) =>
    update({ fees: fees.map((f, j) => (j === i ? { ...f, ...fee } : f)) });
  const thousands = i18n.language === 'en' ? ',' : '.';
  return (
    <EditorBlock title={t('procedures.blocks.fees')} intro={t('procedures.feesIntro')}>
      {fees.length === 0 && <Text c="dimmed">{t('procedures.noFees')}</Text>}
      {fees.map((fee, i) => (
        // Rows have no identity of their own; their order is what the citizen reads.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Group key={i} align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t('procedures.feeLabel', { n: i + 1 })}
            placeholder={t('procedures.feeLabelPlaceholder')}
            value={fee.label}
            onChange={(e) => change(i, { label: e.currentTarget.value })}
            error={problem(`fees.${i}.label`)}
            style={{ flex: '1 1 18rem' }}
          />
          <NumberInput
            size="md"
            label={t('procedures.feeAmount', { n: i + 1 })}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator={thousands}
            decimalSeparator={thousands === '.' ? ',' : '.'}
            suffix={i18n.language === 'en' ? ' VND' : ' đ'}
            value={fee.amountVnd}
            onChange={(v) => change(i, { amountVnd: typeof v === 'number' ? v : v === '' ? '' : Number(v) })}
            error={problem(`fees.${i}.amountVnd`)}
            style={{ flex: '0 1 14rem' }}
          />
          <Button
            variant="subtle"
            color="red"
            mt={28}
            onClick={() => update({ fees: fees.filter((_, j) => j !== i) })}
            aria-label={t('procedures.removeFee', { n: i + 1 })}
          >
            {t('procedures.remove')}
          </Button>
        </Group>
      ))}
      <Stack gap="sm" align="flex-start">
        <Button variant="light" onClick={() => update({ fees: [...fees, { label: '', amountVnd: '' }] })}>
          {t('procedures.addFee')}
        </Button>
        <Checkbox
          size="md"
          label={t('procedures.level2FeeWaived')}
          description={t('procedures.level2FeeWaivedHelp')}
          checked={draft.level2FeeWaived}
          onChange={(e) => update({ level2FeeWaived: e.currentTarget.checked })}
        />
      </Stack>
    </EditorBlock>
  );
}
