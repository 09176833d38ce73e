import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../ui/ErrorState';
import { LoadingState } from '../../../ui/LoadingState';
import { pickLocalized } from '../../../ui/localized';
import type { QueryResult } from '../../../ui/useApiQuery';
import { formatDay } from '../format';
import { ScrollTable } from '../ScrollTable';
import { Tag } from '../Tag';
import type { Holidays } from './api';
import '../i18n';

/** The year as deadlines count it: each day off and make-up working day, and where it comes from. */
export function YearHolidays({ year, holidays }: { year: number; holidays: QueryResult<Holidays> }) {
  const { t, i18n } = useTranslation('admin');
  const titleId = useId();
  const items = holidays.status === 'success' ? holidays.data.items : [];
  const daysOff = items.filter((i) => i.kind === 'day_off').length;
  const workingDays = items.filter((i) => i.kind === 'working_day').length;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="md">
        <div>
          <Title order={2} fz="h3" id={titleId}>
            {t('holidays.effectiveTitle', { year })}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t('holidays.effectiveIntro')}
          </Text>
        </div>
        {holidays.status === 'error' ? (
          <ErrorState error={holidays.error} onRetry={holidays.retry} />
        ) : holidays.status !== 'success' ? (
          <LoadingState label={t('common.loading')} />
        ) : (
          <>
            <Text>{t('holidays.summary', { daysOff, workingDays })}</Text>
            <ScrollTable
              label={t('holidays.effectiveTitle', { year })}
              minWidth={640}
              data-testid="year-holidays"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('holidays.columns.date')}</Table.Th>
                  <Table.Th>{t('holidays.columns.name')}</Table.Th>
                  <Table.Th>{t('holidays.columns.kind')}</Table.Th>
                  <Table.Th>{t('holidays.columns.source')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.date}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDay(item.date, i18n.language)}
                    </Table.Td>
                    <Table.Td>{pickLocalized(item.name, i18n.language)}</Table.Td>
                    <Table.Td>
                      <Tag color={item.kind === 'working_day' ? 'orange' : 'brand'}>
                        {item.kind === 'working_day'
                          ? t('holidays.kinds.working_day')
                          : t('holidays.kinds.day_off')}
                      </Tag>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={item.source === 'official' ? undefined : 'dimmed'}>
                        {t(`holidays.sources.${item.source}`)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          </>
        )}
      </Stack>
    </Card>
  );
}
