import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../ui/localized';
import type { Overview } from './api';

const QUEUES = [
  'receivedToday',
  'awaitingIntake',
  'inProgress',
  'dueToday',
  'overdue',
  'awaitingSupplement',
  'toReturn',
] as const;

/** Today's queues as cards: the number, and what it is in words. */
export function QueueCards({ queues }: { queues: Overview['queues'] }) {
  const { t, i18n } = useTranslation('statistics');
  return (
    <section aria-labelledby="st-queues">
      <Title order={2} fz="xl" id="st-queues" mb="sm">
        {t('queues.heading')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm" component="ul" className="st-plain-list">
        {QUEUES.map((q) => {
          const value = queues[q];
          const alert = q === 'overdue' && value > 0;
          return (
            <Card key={q} component="li" withBorder radius="md" padding="sm" data-testid={`queue-${q}`}>
              <Text size="sm" fw={500}>
                {t(`queues.${q}`)}
              </Text>
              <Text className="st-card-value" fz={28} fw={700} c={alert ? 'red.8' : undefined}>
                {formatNumber(value, i18n.language)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('queues.count', { count: value, formatted: formatNumber(value, i18n.language) })}
              </Text>
            </Card>
          );
        })}
      </SimpleGrid>
    </section>
  );
}
