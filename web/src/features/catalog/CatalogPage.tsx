import { Container, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type PageProps, useSearch } from '../../app/router';
import { usePageTitle } from '../../app/title';
import { pickLocalized } from '../../ui/localized';
import { useApiQuery } from '../../ui/useApiQuery';
import { type Agency, type CatalogQuery, catalogHref, type FieldCount, readCatalogQuery } from './api';
import { CatalogFilters } from './CatalogFilters';
import { CatalogResults } from './CatalogResults';
import { ProcedureSearchForm } from './ProcedureSearchForm';
import { navigateKeepingScroll } from './useLocationSearch';
import './catalog.css';
import './i18n';

export interface AgencyOption {
  id: string;
  name: string;
  count: number;
}

/**
 * `/thu-tuc`: the procedures the province offers, searched by name or code (accents optional)
 * and narrowed by field, agency, level and online type. Everything lives in the address, so a
 * search can be shared and the back button undoes the last change.
 */
export function CatalogPage(_props: PageProps) {
  const { t } = useTranslation('catalog');
  usePageTitle(t('title'));
  const search = useSearch();
  const query = useMemo(() => readCatalogQuery(search), [search]);
  const fields = useApiQuery<{ items: FieldCount[] }>('/api/catalog/fields');
  const agencies = useAgencyOptions();

  const change = (next: Partial<CatalogQuery>) =>
    navigateKeepingScroll(catalogHref({ ...query, ...next, page: 1 }));

  return (
    <Container size="lg" py="xl">
      <Stack gap="lg">
        <div>
          <Title order={1} fz={{ base: 26, sm: 32 }}>
            {t('title')}
          </Title>
          <Text c="dimmed" mt={4}>
            {t('intro')}
          </Text>
        </div>
        <ProcedureSearchForm
          key={query.q}
          initial={query.q}
          label={t('search.label')}
          onSearch={(q) => change({ q })}
        />
        <CatalogFilters
          query={query}
          fields={fields.status === 'success' ? fields.data.items : []}
          agencies={agencies}
          onChange={change}
        />
        <CatalogResults query={query} agencies={agencies} />
      </Stack>
    </Container>
  );
}

/**
 * The agencies that decide at least one offered procedure, named from `/api/agencies`: an agency
 * with nothing to show is not offered as a filter.
 */
function useAgencyOptions(): AgencyOption[] {
  const { i18n } = useTranslation();
  const counts = useApiQuery<{ items: { agencyId: string; count: number }[] }>('/api/catalog/agencies');
  const agencies = useApiQuery<{ items: Agency[] }>('/api/agencies?level=province&limit=500');
  // The same list until an answer or the language changes: the results re-render only then.
  const countItems = counts.status === 'success' ? counts.data.items : undefined;
  const agencyItems = agencies.status === 'success' ? agencies.data.items : undefined;
  return useMemo(() => {
    if (!countItems || !agencyItems) return [];
    const byId = new Map(agencyItems.map((a) => [a.id, a]));
    return countItems.flatMap(({ agencyId, count }) => {
      const agency = byId.get(agencyId);
      return agency ? [{ id: agencyId, name: pickLocalized(agency.name, i18n.language), count }] : [];
    });
  }, [countItems, agencyItems, i18n.language]);
}
