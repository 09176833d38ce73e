import { Button, Group, NativeSelect } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { formatNumber } from '../../ui/localized';
import { type CatalogQuery, catalogHref, type FieldCount, hasFilters } from './api';
import type { AgencyOption } from './CatalogPage';
import './i18n';

export interface CatalogFiltersProps {
  query: CatalogQuery;
  fields: FieldCount[];
  agencies: AgencyOption[];
  onChange: (next: Partial<CatalogQuery>) => void;
}

/**
 * Field, agency, level and online type. Native selects: the phone's own picker, large and familiar,
 * and nothing extra to download. On a phone they fold behind a "Bộ lọc" button so the results
 * come first; on a wider screen they are always shown.
 */
export function CatalogFilters({ query, fields, agencies, onChange }: CatalogFiltersProps) {
  const { t, i18n } = useTranslation('catalog');
  const active = [query.field, query.agency, query.level, query.online].filter(Boolean).length;
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const withCount = (name: string, count: number) =>
    t('filters.withCount', { name, count: formatNumber(count, i18n.language) });

  // A filter value from a shared link that is not (or no longer) in the list still shows.
  const fieldOptions = fields.map((f) => ({ value: f.field, label: withCount(f.field, f.count) }));
  if (query.field && !fields.some((f) => f.field === query.field))
    fieldOptions.unshift({ value: query.field, label: query.field });
  const agencyOptions = agencies.map((a) => ({ value: a.id, label: withCount(a.name, a.count) }));
  if (query.agency && !agencies.some((a) => a.id === query.agency))
    agencyOptions.unshift({ value: query.agency, label: t('filters.selectedAgency') });

  return (
    <section aria-label={t('filters.title')} className="cqs-filters" data-open={open || undefined}>
      <Group className="cqs-filters-toggle" gap="sm">
        <Button
          variant="default"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
        >
          {active > 0 ? t('filters.toggleActive', { count: active }) : t('filters.toggle')}
        </Button>
      </Group>
      <div id={panelId} className="cqs-filters-panel">
        <NativeSelect
          size="md"
          label={t('filters.field')}
          value={query.field}
          onChange={(e) => onChange({ field: e.currentTarget.value })}
          data={[{ value: '', label: t('filters.anyField') }, ...fieldOptions]}
        />
        <NativeSelect
          size="md"
          label={t('filters.agency')}
          value={query.agency}
          onChange={(e) => onChange({ agency: e.currentTarget.value })}
          data={[{ value: '', label: t('filters.anyAgency') }, ...agencyOptions]}
        />
        <NativeSelect
          size="md"
          label={t('filters.level')}
          value={query.level}
          onChange={(e) => onChange({ level: e.currentTarget.value })}
          data={[
            { value: '', label: t('filters.anyLevel') },
            { value: 'province', label: t('level.province') },
            { value: 'commune', label: t('level.commune') },
          ]}
        />
        <NativeSelect
          size="md"
          label={t('filters.online')}
          value={query.online}
          onChange={(e) => onChange({ online: e.currentTarget.value })}
          data={[
            { value: '', label: t('filters.anyOnline') },
            { value: 'full', label: t('online.full') },
            { value: 'partial', label: t('online.partial') },
          ]}
        />
      </div>
      {hasFilters(query) && (
        <Button
          component={Link}
          href={catalogHref({ q: query.q })}
          variant="subtle"
          className="cqs-filters-reset"
        >
          {t('filters.reset')}
        </Button>
      )}
    </section>
  );
}
