import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { formatNumber, pickLocalized } from '../../ui/localized';
import { useApiQuery } from '../../ui/useApiQuery';
import {
  type CatalogQuery,
  catalogHref,
  hasFilters,
  type ProcedurePage,
  type ProcedureSummary,
  pageSize,
  searchPath,
} from './api';
import { LevelBadges, OnlineBadge } from './badges';
import type { AgencyOption } from './CatalogPage';
import { processingTime } from './format';
import { Pager } from './Pager';
import './i18n';

/**
 * The matching procedures, one page at a time, with how many there are in all. Rendered again only
 * when the query, its answer or the agencies' names change (not when the filters' lists arrive).
 */
export const CatalogResults = memo(function CatalogResults({
  query,
  agencies,
}: {
  query: CatalogQuery;
  agencies: AgencyOption[];
}) {
  const { t, i18n } = useTranslation('catalog');
  const result = useApiQuery<ProcedurePage>(searchPath(query));
  // While the next page loads the previous one stays on screen (marked busy), so nothing jumps.
  const data =
    result.status === 'success' ? result.data : result.status === 'loading' ? result.previous : undefined;
  const loading = result.status === 'loading';
  const agencyName = new Map(agencies.map((a) => [a.id, a.name]));

  let status = '';
  if (loading) status = t('results.loading');
  else if (data) {
    const formatted = formatNumber(data.total, i18n.language);
    status = query.q
      ? t('results.countFor', { count: data.total, formatted, q: query.q })
      : t('results.count', { count: data.total, formatted });
  }

  return (
    <section aria-labelledby="catalog-results-status">
      <Text id="catalog-results-status" role="status" aria-live="polite" fw={600} mb="sm">
        {status}
      </Text>
      {result.status === 'error' && (
        <ErrorState error={result.error} onRetry={result.retry} title={t('results.error')} />
      )}
      {!data && loading && <LoadingState label={t('results.loading')} />}
      {data && data.total === 0 && !loading && (
        <Card withBorder padding="lg" radius="md">
          <Stack gap="sm" align="flex-start">
            <Text fw={600}>{t('results.none')}</Text>
            <Text c="dimmed">{t('results.noneHint')}</Text>
            {hasFilters(query) && (
              <Button component={Link} href={catalogHref({ q: query.q })} variant="light">
                {t('filters.reset')}
              </Button>
            )}
          </Stack>
        </Card>
      )}
      {data && data.total > 0 && data.items.length === 0 && !loading && (
        // An old link past the last page (the catalogue shrank since it was shared).
        <Button component={Link} href={catalogHref({ ...query, page: 1 })} variant="light">
          {t('pager.first')}
        </Button>
      )}
      {data && data.items.length > 0 && (
        <ul className="cqs-procedures" aria-label={t('results.label')} aria-busy={loading}>
          {data.items.map((p) => (
            <ProcedureItem key={p.code} procedure={p} agency={agencyName.get(p.competentAgencyId ?? '')} />
          ))}
        </ul>
      )}
      {data && data.total > pageSize && (
        <Pager
          page={query.page}
          pages={Math.ceil(data.total / pageSize)}
          href={(page) => catalogHref({ ...query, page })}
        />
      )}
    </section>
  );
});

function ProcedureItem({ procedure: p, agency }: { procedure: ProcedureSummary; agency?: string }) {
  const { t, i18n } = useTranslation('catalog');
  const time = processingTime(t, p, i18n.language);
  const authority = agency ?? p.competentAuthority;
  return (
    <li>
      <Link href={`/thu-tuc/${encodeURIComponent(p.code)}`} className="cqs-procedure-link">
        {pickLocalized(p.name, i18n.language)}
      </Link>
      <Group gap={6} mt={6} wrap="wrap">
        <OnlineBadge type={p.onlineType} />
        <LevelBadges levels={p.levels} />
        {p.hasForm && (
          <Badge variant="outline" color="gray.8" tt="none" size="md">
            {t('results.eform')}
          </Badge>
        )}
      </Group>
      <dl className="cqs-procedure-facts">
        <div>
          <dt>{t('results.code')}</dt>
          <dd>{p.code}</dd>
        </div>
        {p.field && (
          <div>
            <dt>{t('results.field')}</dt>
            <dd>{p.field}</dd>
          </div>
        )}
        {authority && (
          <div>
            <dt>{t('results.agency')}</dt>
            <dd>{authority}</dd>
          </div>
        )}
        <div>
          <dt>{t('results.time')}</dt>
          <dd>{time ?? t('notPublished')}</dd>
        </div>
      </dl>
    </li>
  );
}
