import { NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from '../../../app/router';
import { ErrorState } from '../../../ui/ErrorState';
import { LoadingState } from '../../../ui/LoadingState';
import { formatNumber } from '../../../ui/localized';
import { useApiQuery } from '../../../ui/useApiQuery';
import type { SectionProps } from '../AdminPage';
import { Pager } from '../Pager';
import { pageParam, setQueryParams } from '../query';
import { SearchInput } from '../SearchInput';
import { SectionHeader } from '../SectionHeader';
import { PAGE_SIZE, type ProcedurePage, proceduresPath } from './api';
import { ProcedureEditor } from './ProcedureEditor';
import { ProcedureTable } from './ProcedureTable';
import '../i18n';

/**
 * `/quan-tri/thu-tuc`: the whole national catalogue, offered in the province or not. Filters `q`,
 * `cap`, `tructuyen`, `trang`; `ma` opens one procedure's editor.
 */
export function ProceduresSection(_props: SectionProps) {
  const { t, i18n } = useTranslation('admin');
  const params = useSearchParams();
  const code = params.get('ma');
  const filters = {
    q: params.get('q') ?? '',
    level: params.get('cap') ?? '',
    online: params.get('tructuyen') ?? '',
    page: pageParam(params),
  };
  const list = useApiQuery<ProcedurePage>(code ? null : proceduresPath(filters), { fresh: true });

  if (code) {
    const back = new URLSearchParams(params);
    back.delete('ma');
    const query = back.toString();
    return <ProcedureEditor code={code} backHref={`/quan-tri/thu-tuc${query ? `?${query}` : ''}`} />;
  }

  const page = list.status === 'success' ? list.data : list.status === 'loading' ? list.previous : undefined;
  return (
    <Stack gap="lg">
      <SectionHeader title={t('sections.procedures.title')} intro={t('procedures.intro')} />
      <SimpleGrid
        cols={{ base: 1, sm: 3 }}
        spacing="md"
        component="form"
        role="search"
        onSubmit={(e) => e.preventDefault()}
      >
        <SearchInput
          label={t('procedures.search')}
          placeholder={t('procedures.searchPlaceholder')}
          value={filters.q}
          onCommit={(q) => setQueryParams({ q, trang: null })}
        />
        <NativeSelect
          size="md"
          label={t('procedures.level')}
          value={filters.level}
          onChange={(e) => setQueryParams({ cap: e.currentTarget.value, trang: null })}
          data={[
            { value: '', label: t('procedures.allLevels') },
            ...(['province', 'commune', 'ministry'] as const).map((l) => ({
              value: l,
              label: t(`procedures.levels.${l}`),
            })),
          ]}
        />
        <NativeSelect
          size="md"
          label={t('procedures.onlineType')}
          value={filters.online}
          onChange={(e) => setQueryParams({ tructuyen: e.currentTarget.value, trang: null })}
          data={[
            { value: '', label: t('procedures.allOnline') },
            { value: 'full', label: t('procedures.online.full') },
            { value: 'partial', label: t('procedures.online.partial') },
          ]}
        />
      </SimpleGrid>
      {list.status === 'error' ? (
        <ErrorState error={list.error} onRetry={list.retry} />
      ) : !page ? (
        <LoadingState label={t('common.loading')} />
      ) : (
        <>
          <Text aria-live="polite">
            {page.total === 0
              ? t('procedures.none')
              : t('procedures.count', { count: page.total, n: formatNumber(page.total, i18n.language) })}
          </Text>
          {page.items.length > 0 && <ProcedureTable procedures={page.items} onChanged={list.retry} />}
          <Pager
            page={filters.page}
            pageSize={PAGE_SIZE}
            total={page.total}
            onChange={(p) => setQueryParams({ trang: p })}
          />
        </>
      )}
    </Stack>
  );
}
