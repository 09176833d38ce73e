import {
  Button,
  Card,
  Container,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, navigate } from '../../app/router';
import { communeTypes, placeInSentence, placeTitle, type SiteInfo, useSite } from '../../app/site';
import { usePageTitle } from '../../app/title';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { formatNumber } from '../../ui/localized';
import { useApiQuery } from '../../ui/useApiQuery';
import { CommuneSearch } from '../admin-units/CommuneSearch';
import { catalogHref, type ProcedurePage } from '../catalog/api';
import { ProcedureSearchForm } from '../catalog/ProcedureSearchForm';
import '../catalog/i18n';
import { FieldList } from './FieldList';
import { Notices } from './Notices';
import { PopularProcedures } from './PopularProcedures';
import { byPopularity } from './popular';
import { TrackBox } from './TrackBox';
import './home.css';

// The procedures with an e-form are the ones people file most (the province writes forms for those).
const popularPath = '/api/catalog/procedures?hasForm=true&limit=24';

export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(null);
  const site = useSite();

  if (site.status === 'success') return <Home info={site.data} />;
  return (
    <Container size="lg" py="xl">
      {site.status === 'error' ? (
        <ErrorState error={site.error} onRetry={site.retry} />
      ) : (
        <LoadingState label={t('state.loading')} />
      )}
    </Container>
  );
}

function Home({ info }: { info: SiteInfo }) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('catalog');
  const place = placeInSentence(t, info.province);
  const popular = useApiQuery<ProcedurePage>(popularPath);
  const popularFields =
    popular.status === 'success'
      ? [...new Set(byPopularity(popular.data.items).flatMap((p) => (p.field ? [p.field] : [])))]
      : [];

  return (
    <>
      <section className="cqs-hero" aria-labelledby="hero-title">
        <Container size="lg" py={{ base: 'xl', md: 48 }}>
          <Stack gap="md" maw={760}>
            <Title id="hero-title" order={1} fz={{ base: 26, sm: 34, md: 40 }} lh={1.2}>
              {t('hero.title', { place })}
            </Title>
            <Text fz={{ base: 'md', md: 'lg' }} c="gray.7">
              {t('hero.lead')}
            </Text>
            <div className="cqs-hero-search">
              <ProcedureSearchForm
                size="lg"
                label={tc('home.search.label')}
                onSearch={(q) => navigate(catalogHref({ q }))}
              />
            </div>
            <Group gap="sm">
              <Button component={Link} href="/thu-tuc" size="md" variant="light">
                {tc('home.search.browse')}
              </Button>
              <Button component={Link} href="/tra-cuu" size="md" variant="light">
                {t('track.title')}
              </Button>
            </Group>
          </Stack>
        </Container>
      </section>
      <Container size="lg" py="xl">
        <Stack gap={40}>
          <PopularProcedures result={popular} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <TrackBox />
            <Notices />
          </SimpleGrid>
          <FieldList first={popularFields} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <KeyFigures info={info} />
            <CommuneSearch provinceCode={info.province.code} place={place} />
          </SimpleGrid>
        </Stack>
      </Container>
    </>
  );
}

function KeyFigures({ info }: { info: SiteInfo }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const breakdown = communeTypes
    .map((type) => ({ type, count: info.communeCountsByType[type] ?? 0 }))
    .filter((entry) => entry.count > 0);

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="facts-title">
      <Title order={2} fz="h3" id="facts-title" mb="md">
        {t('facts.title')}
      </Title>
      <dl className="cqs-facts">
        <div>
          <dt>{t('facts.province')}</dt>
          <dd>{placeTitle(t, info.province)}</dd>
        </div>
        <div>
          <dt>{t('facts.provinceCode')}</dt>
          <dd data-testid="province-code">{info.province.code}</dd>
        </div>
        <div>
          <dt>{t('facts.communes')}</dt>
          <dd>
            <span className="cqs-big-number" data-testid="commune-count">
              {formatNumber(info.communeCount, language)}
            </span>{' '}
            <span>{t('facts.communeUnit', { count: info.communeCount })}</span>
            {breakdown.length > 0 && (
              <Text component="span" display="block" size="sm" c="dimmed" fw={400} mt={4}>
                <VisuallyHidden>{t('facts.breakdownLabel')}: </VisuallyHidden>
                {breakdown
                  .map(({ type, count }) =>
                    t(`unitCount.${type}`, { count, formatted: formatNumber(count, language) }),
                  )
                  .join(' · ')}
              </Text>
            )}
          </dd>
        </div>
      </dl>
    </Card>
  );
}
