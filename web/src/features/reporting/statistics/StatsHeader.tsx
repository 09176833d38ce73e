import { Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../app/router';
import { INDEX_PAGE, STATS_PAGE } from './api';

/** The page's title, what it shows, and the two statistics pages as tabs (links keep the query). */
export function StatsHeader({
  title,
  intro,
  current,
}: {
  title: string;
  intro: string;
  current: 'overview' | 'index';
}) {
  const { t } = useTranslation('statistics');
  const search = window.location.search;
  const tabs = [
    { key: 'overview', href: `${STATS_PAGE}${search}`, label: t('tabs.overview') },
    { key: 'index', href: `${INDEX_PAGE}${search}`, label: t('tabs.index') },
  ] as const;
  return (
    <Stack gap="xs">
      <Title order={1} fz={{ base: 26, sm: 32 }}>
        {title}
      </Title>
      <Text c="dimmed">{intro}</Text>
      <nav aria-label={t('tabs.label')}>
        <Group gap="xs" className="st-tabs">
          {tabs.map((tab) => (
            <Link
              key={tab.key}
              href={tab.href}
              className="st-tab"
              aria-current={tab.key === current ? 'page' : undefined}
            >
              {tab.label}
            </Link>
          ))}
        </Group>
      </nav>
    </Stack>
  );
}
