import { Button, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { pickLocalized } from '../../ui/localized';
import type { QueryResult } from '../../ui/useApiQuery';
import type { ProcedurePage } from '../catalog/api';
import { OnlineBadge } from '../catalog/badges';
import { shortName } from '../catalog/format';
import '../catalog/i18n';
import { byPopularity, popularShown } from './popular';

/** "Thủ tục thường dùng": large tiles straight to the procedures most people come for. */
export function PopularProcedures({ result }: { result: QueryResult<ProcedurePage> }) {
  const { t, i18n } = useTranslation('catalog');
  return (
    <section aria-labelledby="popular-title">
      <Group justify="space-between" align="flex-end" mb="sm" gap="xs">
        <div>
          <Title order={2} fz="h3" id="popular-title">
            {t('home.popular.title')}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('home.popular.intro')}
          </Text>
        </div>
        <Button component={Link} href="/thu-tuc" variant="subtle" px="xs">
          {t('home.popular.all')}
        </Button>
      </Group>
      {result.status === 'error' && (
        <ErrorState error={result.error} onRetry={result.retry} title={t('home.popular.error')} />
      )}
      {result.status === 'loading' && <LoadingState label={t('home.popular.loading')} />}
      {result.status === 'success' && (
        <ul className="cqs-tiles">
          {byPopularity(result.data.items)
            .slice(0, popularShown)
            .map((p) => (
              <li key={p.code}>
                <Link href={`/thu-tuc/${encodeURIComponent(p.code)}`} className="cqs-tile">
                  <span className="cqs-tile-name">{shortName(pickLocalized(p.name, i18n.language))}</span>
                  <span className="cqs-tile-meta">
                    {p.field && <span>{p.field}</span>}
                    <OnlineBadge type={p.onlineType} />
                  </span>
                </Link>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
