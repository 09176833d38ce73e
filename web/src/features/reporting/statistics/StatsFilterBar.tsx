import { Group, NativeSelect, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pickLocalized } from '../../../ui/localized';
import { useApiQuery } from '../../../ui/useApiQuery';
import type { StatsAccess } from './access';
import { CHANNELS, type StatsFilters } from './api';
import { PARAM, type StatsQuery } from './useStatsQuery';

/** The scope (agency, for those who may choose), the channel and the field. */
export function StatsFilterBar({
  access,
  filters,
  set,
  withChannelAndField = true,
}: {
  access: StatsAccess;
  filters: StatsFilters;
  set: StatsQuery['set'];
  withChannelAndField?: boolean;
}) {
  const { t, i18n } = useTranslation('statistics');
  const fields = useApiQuery<{ items: { field: string; count: number }[] }>(
    withChannelAndField ? '/api/catalog/fields' : null,
  );
  const agencyData = [
    ...(access.province ? [{ value: '', label: t('filters.province') }] : []),
    ...[...access.agencies]
      .sort((a, b) => (a.level === b.level ? 0 : a.level === 'province' ? -1 : 1))
      .map((a) => ({ value: a.id, label: pickLocalized(a.name, i18n.language) })),
  ];
  return (
    <fieldset className="st-fieldset">
      <legend>
        <Text fw={600} size="sm" component="span">
          {t('filters.legend')}
        </Text>
      </legend>
      <Group gap="sm" align="flex-end" wrap="wrap">
        {agencyData.length > 1 && (
          <NativeSelect
            label={t('filters.agency')}
            value={filters.agencyId ?? ''}
            onChange={(e) => set({ [PARAM.agency]: e.currentTarget.value || null })}
            data={agencyData}
            maw="100%"
            w={{ base: '100%', sm: 320 }}
          />
        )}
        {withChannelAndField && (
          <NativeSelect
            label={t('filters.channel')}
            value={filters.channel ?? ''}
            onChange={(e) => set({ [PARAM.channel]: e.currentTarget.value || null })}
            data={[
              { value: '', label: t('filters.anyChannel') },
              ...CHANNELS.map((c) => ({ value: c, label: t(`filters.channels.${c}`) })),
            ]}
          />
        )}
        {withChannelAndField && (
          <NativeSelect
            label={t('filters.field')}
            value={filters.field ?? ''}
            onChange={(e) => set({ [PARAM.field]: e.currentTarget.value || null })}
            data={[
              { value: '', label: t('filters.anyField') },
              ...(fields.status === 'success' ? fields.data.items.map((f) => f.field) : []),
              ...(filters.field && fields.status !== 'success' ? [filters.field] : []),
            ]}
            maw="100%"
            w={{ base: '100%', sm: 280 }}
          />
        )}
      </Group>
    </fieldset>
  );
}
