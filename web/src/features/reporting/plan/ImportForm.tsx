import { Alert, Button, Card, FileInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/router';
import { ApiError, sendFile } from '../../../ui/api';
import { PLANS, planHref } from './api';

type Imported = { planId: string; groups: number; tasks: number; kpis: number; unmatchedLeads: string[] };

/** The DX office imports a plan file (CSV or .xlsx); errors come back with their row numbers. */
export function ImportForm({ onImported }: { onImported: () => void }) {
  const { t, i18n } = useTranslation('plan');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<Imported | null>(null);
  const en = i18n.language === 'en';

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await sendFile<Imported>(`${PLANS}/import`, file, { language: i18n.language });
      setDone(result);
      onImported();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="pl-import-heading">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} fz="lg" id="pl-import-heading">
            {t('import.heading')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('import.help')}
          </Text>
          <FileInput
            label={t('import.file')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={setFile}
            clearable
          />
          <Button type="submit" loading={busy} disabled={!file} w={{ base: '100%', sm: 'auto' }}>
            {t('import.submit')}
          </Button>
          {error && (
            <Alert color="red" variant="light" title={t('import.failed')} role="alert">
              <Stack gap={4}>
                <Text size="sm">{(en ? error.detail?.en : error.detail?.vi) ?? error.message}</Text>
                {error.fieldErrors.length > 3 && (
                  <Stack gap={2} component="ul" className="pl-plain-list">
                    {error.fieldErrors.slice(0, 30).map((f) => (
                      <Text key={f.field + f.vi} size="sm" component="li">
                        {en ? f.en : f.vi}
                      </Text>
                    ))}
                  </Stack>
                )}
              </Stack>
            </Alert>
          )}
          {done && (
            <Alert color="green" variant="light" role="status">
              <Stack gap={4}>
                <Text size="sm">{t('import.done', done)}</Text>
                {done.unmatchedLeads.length > 0 && (
                  <Text size="sm">{t('import.unmatched', { names: done.unmatchedLeads.join('; ') })}</Text>
                )}
                <Button variant="subtle" size="compact-sm" onClick={() => navigate(planHref(done.planId))}>
                  {t('import.openPlan')}
                </Button>
              </Stack>
            </Alert>
          )}
        </Stack>
      </form>
    </Card>
  );
}
