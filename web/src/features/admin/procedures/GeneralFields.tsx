import '@mantine/core/styles/NumberInput.css';
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Radio.css';
import {
  Group,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AgencySelect } from '../AgencySelect';
import type { Agency } from '../agencies/api';
import { DURATION_UNITS, type DurationUnit, RESULT_TYPES, type ResultType } from './api';
import type { ProcedureDraft } from './draft';
import { EditorBlock } from './EditorBlock';
import '../i18n';

export interface BlockProps {
  draft: ProcedureDraft;
  update: (change: Partial<ProcedureDraft>) => void;
  /** The message for a field (`processingTime.value`), from the editor's checks or the server. */
  problem: (field: string) => string | undefined;
}

/** Name, competent authority, result, online service level and the processing time. */
export function GeneralFields({
  draft,
  update,
  problem,
  agencies,
}: BlockProps & { agencies: readonly Agency[] }) {
  const { t } = useTranslation('admin');
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const byCode = new Map(agencies.map((a) => [a.code, a]));
  return (
    <>
      <EditorBlock title={t('procedures.blocks.general')}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <TextInput
            label={t('procedures.nameVi')}
            required
            value={draft.nameVi}
            onChange={(e) => update({ nameVi: e.currentTarget.value })}
            error={problem('name.vi')}
          />
          <TextInput
            label={t('procedures.nameEn')}
            value={draft.nameEn}
            onChange={(e) => update({ nameEn: e.currentTarget.value })}
            error={problem('name.en')}
          />
          <AgencySelect
            agencies={agencies}
            value={draft.competentAgencyId ? (byId.get(draft.competentAgencyId)?.code ?? null) : null}
            onChange={(code) => update({ competentAgencyId: code ? (byCode.get(code)?.id ?? null) : null })}
            label={t('procedures.competentAgency')}
            description={t('procedures.competentAgencyHelp')}
            clearable
            error={problem('competentAgencyId')}
          />
          <NativeSelect
            size="md"
            label={t('procedures.resultType')}
            value={draft.resultType}
            onChange={(e) => update({ resultType: e.currentTarget.value as ResultType })}
            data={RESULT_TYPES.map((r) => ({ value: r, label: t(`procedures.resultTypes.${r}`) }))}
            error={problem('resultType')}
          />
        </SimpleGrid>
      </EditorBlock>

      <EditorBlock title={t('procedures.blocks.time')}>
        <Group align="flex-start" gap="md" grow preventGrowOverflow={false}>
          <NumberInput
            size="md"
            label={t('procedures.timeValue')}
            min={0}
            decimalScale={1}
            value={draft.timeValue}
            disabled={!draft.timeUnit}
            onChange={(v) => update({ timeValue: typeof v === 'number' ? v : v === '' ? '' : Number(v) })}
            error={problem('processingTime.value')}
            maw={220}
          />
          <NativeSelect
            size="md"
            label={t('procedures.timeUnit')}
            value={draft.timeUnit}
            onChange={(e) => update({ timeUnit: e.currentTarget.value as DurationUnit | '' })}
            data={[
              { value: '', label: t('procedures.noTime') },
              ...DURATION_UNITS.map((u) => ({ value: u, label: t(`procedures.units.${u}`) })),
            ]}
            error={problem('processingTime.unit') ?? problem('processingTime')}
            maw={280}
          />
        </Group>
      </EditorBlock>

      <EditorBlock title={t('procedures.blocks.online')}>
        <Stack gap="md">
          <Radio.Group
            label={t('procedures.onlineType')}
            value={draft.onlineType}
            onChange={(v) => update({ onlineType: v === 'partial' ? 'partial' : 'full' })}
            error={problem('onlineType')}
          >
            <Stack gap="xs" mt="xs">
              <Radio
                size="md"
                value="full"
                label={t('procedures.online.full')}
                description={t('procedures.online.fullHelp')}
              />
              <Radio
                size="md"
                value="partial"
                label={t('procedures.online.partial')}
                description={t('procedures.online.partialHelp')}
              />
            </Stack>
          </Radio.Group>
          {draft.onlineType === 'partial' && (
            <Textarea
              size="md"
              label={t('procedures.partialReason')}
              description={t('procedures.partialReasonHelp')}
              required
              autosize
              minRows={2}
              value={draft.partialReason}
              onChange={(e) => update({ partialReason: e.currentTarget.value })}
              error={problem('partialReason')}
            />
          )}
        </Stack>
      </EditorBlock>
    </>
  );
}
