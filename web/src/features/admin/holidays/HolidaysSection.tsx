import { Alert, Button, Group, NativeSelect, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from '../../../app/router';
import { useApiQuery } from '../../../ui/useApiQuery';
import type { SectionProps } from '../AdminPage';
import { setQueryParams } from '../query';
import { SectionHeader } from '../SectionHeader';
import { type Holidays, holidaysPath, type Schedule, schedulePath, vietnamYear } from './api';
import { CsvImport } from './CsvImport';
import { ScheduleEditor } from './ScheduleEditor';
import { YearHolidays } from './YearHolidays';
import '../i18n';

/**
 * `/quan-tri/lich-nghi?nam=2027`: a year's days off as deadlines count them (the Labor Code's,
 * computed, overridden by the official schedule), and the official schedule itself, edited here
 * or imported from the CSV the Ministry's announcement is typed into.
 */
export function HolidaysSection(_props: SectionProps) {
  const { t } = useTranslation('admin');
  const params = useSearchParams();
  const thisYear = vietnamYear();
  const asked = Number(params.get('nam'));
  const year = Number.isInteger(asked) && asked >= 1900 && asked <= 2199 ? asked : thisYear;
  const holidays = useApiQuery<Holidays>(holidaysPath(year), { fresh: true });
  const schedule = useApiQuery<Schedule>(schedulePath(year), { fresh: true });
  const [notice, setNotice] = useState<{ year: number; text: string } | null>(null);
  // After a save or an import: both lists again from the server, and what happened said above them.
  const saved = (message: string) => {
    setNotice({ year, text: message });
    holidays.retry();
    schedule.retry();
  };
  const years = Array.from({ length: 7 }, (_, i) => thisYear - 2 + i);
  if (!years.includes(year)) years.push(year);
  years.sort((a, b) => a - b);

  return (
    <Stack gap="lg">
      <SectionHeader title={t('sections.holidays.title')} intro={t('holidays.intro')} />
      <Group gap="sm" align="flex-end">
        <Button
          variant="default"
          onClick={() => setQueryParams({ nam: year - 1 })}
          aria-label={t('holidays.previousYear', { year: year - 1 })}
        >
          ← {year - 1}
        </Button>
        <NativeSelect
          size="md"
          label={t('holidays.year')}
          value={String(year)}
          onChange={(e) => setQueryParams({ nam: e.currentTarget.value })}
          data={years.map(String)}
          w={140}
        />
        <Button
          variant="default"
          onClick={() => setQueryParams({ nam: year + 1 })}
          aria-label={t('holidays.nextYear', { year: year + 1 })}
        >
          {year + 1} →
        </Button>
      </Group>
      {notice?.year === year && (
        <Alert
          color="green"
          variant="light"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setNotice(null)}
        >
          {notice.text}
        </Alert>
      )}
      <YearHolidays year={year} holidays={holidays} />
      <ScheduleEditor key={`${year}/${schedule.status}`} year={year} schedule={schedule} onSaved={saved} />
      <CsvImport
        key={year}
        year={year}
        schedule={schedule.status === 'success' ? schedule.data : null}
        onImported={saved}
      />
    </Stack>
  );
}
