import { Card, Group, RingProgress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, pickLocalized } from '../../../ui/localized';
import type { Index766 } from './api';
import { formatRate } from './format';

/** One ring per group and one for the total: the score against the points measured so far. */
export function IndexGauges({ index }: { index: Index766 }) {
  const { t, i18n } = useTranslation('statistics');
  const items = [
    {
      code: 'total',
      name: t('index.total'),
      score: index.total,
      measuredMax: index.measuredMax,
      max: index.max,
    },
    ...index.groups.map((g) => ({ ...g, name: `${g.code}. ${pickLocalized(g.name, i18n.language)}` })),
  ];
  const n = (v: number) => formatNumber(v, i18n.language, 2);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" component="ul" className="st-plain-list">
      {items.map((g) => {
        const share = g.measuredMax > 0 ? g.score / g.measuredMax : null;
        const percent = formatRate(share, i18n.language, t);
        return (
          <Card
            key={g.code}
            component="li"
            withBorder
            radius="md"
            padding="sm"
            data-testid={`index-${g.code}`}
          >
            <Group gap="sm" wrap="nowrap" align="center">
              <RingProgress
                size={88}
                thickness={9}
                roundCaps
                sections={[
                  { value: Math.round((share ?? 0) * 100), color: g.code === 'total' ? 'blue.7' : 'teal.7' },
                ]}
                label={
                  <Text ta="center" size="xs" fw={700}>
                    {percent}
                  </Text>
                }
                role="img"
                aria-label={t('index.gaugeLabel', {
                  name: g.name,
                  score: n(g.score),
                  measured: n(g.measuredMax),
                  percent,
                })}
              />
              <Stack gap={2} miw={0}>
                <Text fw={600} size="sm">
                  {g.name}
                </Text>
                <Text size="sm">
                  {t('index.ofMeasured', { score: n(g.score), measured: n(g.measuredMax), max: n(g.max) })}
                </Text>
              </Stack>
            </Group>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
