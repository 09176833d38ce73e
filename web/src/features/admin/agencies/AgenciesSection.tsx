import { NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from '../../../app/router';
import { ErrorState } from '../../../ui/ErrorState';
import { LoadingState } from '../../../ui/LoadingState';
import { formatNumber } from '../../../ui/localized';
import { useApiQuery } from '../../../ui/useApiQuery';
import type { SectionProps } from '../AdminPage';
import { managedAgencies } from '../access';
import { setQueryParams } from '../query';
import { SearchInput } from '../SearchInput';
import { SectionHeader } from '../SectionHeader';
import { AgencyTable } from './AgencyTable';
import { AgencyTree } from './AgencyTree';
import { AGENCY_KINDS, type AgencyPage, agencySearchPath, useAllAgencies } from './api';
import '../i18n';

const ADMIN_UNIT = /^\d{2}$|^\d{5}$/;

/**
 * `/quan-tri/co-quan`: the province's organisation tree, with each agency's identifier in the form
 * of Decision 20/2020/QĐ-TTg. Filters (`q`, `cap`, `loai`, `dvhc`) turn the tree into a list of matches.
 */
export function AgenciesSection({ access }: SectionProps) {
  const { t, i18n } = useTranslation('admin');
  const params = useSearchParams();
  const filters = {
    q: params.get('q') ?? '',
    level: params.get('cap') ?? '',
    kind: params.get('loai') ?? '',
    adminUnit: params.get('dvhc') ?? '',
  };
  const adminUnitValid = filters.adminUnit === '' || ADMIN_UNIT.test(filters.adminUnit);
  const filtered = Boolean(filters.q.trim() || filters.level || filters.kind || filters.adminUnit);

  const all = useAllAgencies();
  const search = useApiQuery<AgencyPage>(filtered && adminUnitValid ? agencySearchPath(filters) : null);
  const allItems = all.status === 'success' ? all.data.items : [];
  const managed = new Set(managedAgencies(access, allItems).map((a) => a.code));

  return (
    <Stack gap="lg">
      <SectionHeader title={t('sections.agencies.title')} intro={t('agencies.intro')} />
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 4 }}
        spacing="md"
        component="form"
        role="search"
        onSubmit={(e) => e.preventDefault()}
      >
        <SearchInput
          label={t('agencies.search')}
          placeholder={t('agencies.searchPlaceholder')}
          value={filters.q}
          onCommit={(q) => setQueryParams({ q })}
        />
        <NativeSelect
          size="md"
          label={t('agencies.level')}
          value={filters.level}
          onChange={(e) => setQueryParams({ cap: e.currentTarget.value })}
          data={[
            { value: '', label: t('agencies.allLevels') },
            { value: 'province', label: t('agencies.levels.province') },
            { value: 'commune', label: t('agencies.levels.commune') },
          ]}
        />
        <NativeSelect
          size="md"
          label={t('agencies.kind')}
          value={filters.kind}
          onChange={(e) => setQueryParams({ loai: e.currentTarget.value })}
          data={[
            { value: '', label: t('agencies.allKinds') },
            ...AGENCY_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) })),
          ]}
        />
        <TextInput
          label={t('agencies.adminUnit')}
          placeholder={t('agencies.adminUnitPlaceholder')}
          inputMode="numeric"
          defaultValue={filters.adminUnit}
          key={filters.adminUnit}
          error={adminUnitValid ? undefined : t('agencies.adminUnitInvalid')}
          onBlur={(e) => setQueryParams({ dvhc: e.currentTarget.value.trim() })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setQueryParams({ dvhc: e.currentTarget.value.trim() });
          }}
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('agencies.codeHelp')}
      </Text>

      {all.status === 'error' ? (
        <ErrorState error={all.error} onRetry={all.retry} />
      ) : all.status !== 'success' ? (
        <LoadingState label={t('common.loading')} />
      ) : !filtered ? (
        <>
          <Text aria-live="polite">
            {t('agencies.total', { count: all.data.total, n: formatNumber(all.data.total, i18n.language) })}
          </Text>
          <AgencyTree agencies={all.data.items} managed={managed} />
        </>
      ) : search.status === 'error' ? (
        <ErrorState error={search.error} onRetry={search.retry} />
      ) : !adminUnitValid ? null : search.status !== 'success' &&
        !(search.status === 'loading' && search.previous) ? (
        <LoadingState label={t('common.searching')} />
      ) : (
        <SearchResults
          page={
            search.status === 'success'
              ? search.data
              : search.status === 'loading'
                ? search.previous!
                : { items: [], total: 0 }
          }
          all={all.data.items}
          managed={managed}
        />
      )}
    </Stack>
  );
}

function SearchResults({
  page,
  all,
  managed,
}: {
  page: AgencyPage;
  all: AgencyPage['items'];
  managed: ReadonlySet<string>;
}) {
  const { t, i18n } = useTranslation('admin');
  return (
    <>
      <Text aria-live="polite">
        {page.total === 0
          ? t('agencies.noMatch')
          : t('agencies.matches', { count: page.total, n: formatNumber(page.total, i18n.language) })}
      </Text>
      {page.items.length > 0 && <AgencyTable agencies={page.items} all={all} managed={managed} />}
    </>
  );
}
