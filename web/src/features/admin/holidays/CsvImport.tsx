import { Alert, Button, Card, FileButton, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import '@mantine/core/styles/List.css';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../ui/api';
import { asApiError, fieldMessagesUnder } from '../errors';
import { RequestError } from '../RequestError';
import { CSV_HEADER, importScheduleCsv, type Schedule, scheduleToCsv } from './api';
import '../i18n';

const EXAMPLE = `${CSV_HEADER}\n2027-02-20,working_day,Làm bù ngày nghỉ Tết,Make-up working day for Tết\n`;

/**
 * The official schedule from a CSV file (`date,kind,name_vi,name_en`), replacing the year's. The
 * text can be pasted, read from a file, or started from the schedule as it is; every bad line the
 * server finds is listed, so the file is fixed in one go.
 */
export function CsvImport({
  year,
  schedule,
  onImported,
}: {
  year: number;
  schedule: Schedule | null;
  onImported: (message: string) => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const titleId = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [readFailed, setReadFailed] = useState(false);
  const lines = fieldMessagesUnder(error, i18n.language, 'line ');

  const readFile = async (file: File | null) => {
    if (!file) return;
    setReadFailed(false);
    try {
      setText(await file.text());
    } catch {
      setReadFailed(true);
    }
  };

  const submit = async () => {
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await importScheduleCsv(year, text);
      setText('');
      onImported(t('holidays.imported', { year, count: saved.entries.length }));
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="md">
        <div>
          <Title order={2} fz="h3" id={titleId}>
            {t('holidays.importTitle', { year })}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t('holidays.importIntro')}
          </Text>
        </div>
        <Group gap="sm">
          <FileButton onChange={readFile} accept=".csv,text/csv">
            {(props) => (
              <Button variant="default" {...props}>
                {t('holidays.chooseFile')}
              </Button>
            )}
          </FileButton>
          <Button
            variant="default"
            disabled={!schedule}
            onClick={() => schedule && setText(scheduleToCsv(schedule.entries))}
          >
            {t('holidays.startFromCurrent')}
          </Button>
        </Group>
        {readFailed && (
          <Alert color="red" variant="light" role="alert">
            {t('holidays.readFailed')}
          </Alert>
        )}
        <Textarea
          className="cqs-json-editor"
          label={t('holidays.csvLabel')}
          description={t('holidays.csvHelp')}
          placeholder={EXAMPLE}
          autosize
          minRows={5}
          maxRows={20}
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="schedule-csv"
        />
        {error && <RequestError error={error} title={t('holidays.importFailed')} />}
        {lines.length > 1 && (
          <List size="sm" aria-label={t('holidays.badLines')}>
            {lines.map((l) => (
              <List.Item key={l.field}>
                {t('holidays.line', { n: l.field.replace('line ', '') })}: {l.message}
              </List.Item>
            ))}
          </List>
        )}
        <Alert color="orange" variant="light">
          {t('holidays.replaceWarning', { year })}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={submit} loading={busy} disabled={!text.trim()}>
            {t('holidays.import', { year })}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
