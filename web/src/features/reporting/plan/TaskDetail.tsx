import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Modal,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, sendJson } from '../../../ui/api';
import { ErrorState } from '../../../ui/ErrorState';
import { LoadingState } from '../../../ui/LoadingState';
import { useApiQuery } from '../../../ui/useApiQuery';
import { dmy, PLANS, type TaskReport, type TaskStatus, type TaskView, toBase64 } from './api';

/** A task: its details, its progress reports with evidence, and (for the lead agency) a new report. */
export function TaskDetail({
  planId,
  task,
  onClose,
  onChanged,
}: {
  planId: string;
  task: TaskView;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation('plan');
  const url = `${PLANS}/${planId}/tasks/${task.id}/reports`;
  const reports = useApiQuery<{ items: TaskReport[] }>(url, { fresh: true });
  const deadline = task.deadlineText ?? dmy(task.deadline);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('task.heading', { code: task.code })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('task.close') }}
    >
      <Stack gap="md">
        <Stack gap={4}>
          <Text fw={600}>{task.title}</Text>
          {task.leadName && <Text size="sm">{t('task.lead', { name: task.leadName })}</Text>}
          {task.coordinating && <Text size="sm">{t('task.coordinating', { name: task.coordinating })}</Text>}
          {deadline && <Text size="sm">{t('task.deadline', { value: deadline })}</Text>}
          <Text size="sm">
            {t(`status.${task.status}`)} · {task.progress}%
          </Text>
        </Stack>
        {task.actions.includes('report') && task.status !== 'cancelled' && (
          <ReportForm
            url={url}
            task={task}
            onSent={() => {
              reports.retry();
              onChanged();
            }}
          />
        )}
        <Title order={3} fz="md">
          {t('task.reports')}
        </Title>
        {reports.status === 'error' ? (
          <ErrorState error={reports.error} onRetry={reports.retry} />
        ) : reports.status !== 'success' ? (
          <LoadingState label={t('gate.loading')} />
        ) : reports.data.items.length === 0 ? (
          <Text size="sm">{t('task.noReports')}</Text>
        ) : (
          <Stack gap="sm" component="ul" className="pl-plain-list">
            {reports.data.items.map((r) => (
              <Stack key={r.id} gap={2} component="li">
                <Text size="sm" fw={600}>
                  {t('task.reportLine', {
                    date: dmy(r.reportedOn),
                    status: t(`status.${r.status as TaskStatus}`),
                    progress: r.progress,
                  })}
                </Text>
                {r.note && <Text size="sm">{r.note}</Text>}
                {r.reportedByName && (
                  <Text size="xs" c="dimmed">
                    {t('task.by', { name: r.reportedByName })}
                  </Text>
                )}
                {r.evidence.map((e) => (
                  <Anchor
                    key={e.url}
                    href={e.url}
                    download={e.name}
                    size="sm"
                    aria-label={t('task.evidence', { name: e.name })}
                  >
                    {e.name}
                  </Anchor>
                ))}
              </Stack>
            ))}
          </Stack>
        )}
        <Button variant="default" onClick={onClose} w={{ base: '100%', sm: 'auto' }}>
          {t('task.close')}
        </Button>
      </Stack>
    </Modal>
  );
}

const today = () => {
  // The business date in Vietnam, whatever the device's zone.
  const d = new Date(Date.now() + 7 * 3600_000);
  return d.toISOString().slice(0, 10);
};

function ReportForm({ url, task, onSent }: { url: string; task: TaskView; onSent: () => void }) {
  const { t, i18n } = useTranslation('plan');
  const [reportedOn, setReportedOn] = useState(today());
  const [status, setStatus] = useState<string>(task.status === 'not_started' ? 'in_progress' : task.status);
  const [progress, setProgress] = useState<number>(task.progress);
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState(false);
  const lang = i18n.language;
  const field = (name: string) => error?.fieldMessage(name, lang);

  const changeStatus = (value: string | null) => {
    if (!value) return;
    setStatus(value);
    // The obvious progress of a status, so the form never contradicts itself.
    if (value === 'done') setProgress(100);
    if (value === 'not_started') setProgress(0);
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSent(false);
    try {
      const evidence = await Promise.all(
        files.slice(0, 5).map(async (f) => ({ fileName: f.name, contentBase64: await toBase64(f) })),
      );
      await sendJson(
        'POST',
        url,
        { reportedOn, status, progress, note: note.trim() || undefined, evidence },
        { language: lang },
      );
      setSent(true);
      setNote('');
      setFiles([]);
      onSent();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} aria-labelledby="pl-report-form">
      <Stack gap="sm">
        <Title order={3} fz="md" id="pl-report-form">
          {t('form.heading')}
        </Title>
        <TextInput
          type="date"
          label={t('form.date')}
          value={reportedOn}
          onChange={(e) => setReportedOn(e.currentTarget.value)}
          max={today()}
          required
          error={field('reportedOn')}
        />
        <Select
          label={t('form.status')}
          data={(['not_started', 'in_progress', 'done'] as const).map((s) => ({
            value: s,
            label: t(`status.${s}`),
          }))}
          value={status}
          onChange={changeStatus}
          allowDeselect={false}
          error={field('status')}
        />
        <NumberInput
          label={t('form.progress')}
          value={progress}
          onChange={(v) => setProgress(typeof v === 'number' ? v : Number(v) || 0)}
          min={0}
          max={100}
          step={5}
          clampBehavior="strict"
          allowDecimal={false}
          error={field('progress')}
        />
        <Textarea
          label={t('form.note')}
          placeholder={t('form.notePlaceholder')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={4000}
        />
        <FileInput
          label={t('form.files')}
          multiple
          accept="application/pdf,image/jpeg,image/png"
          value={files}
          onChange={setFiles}
          clearable
          error={field('evidence.0')}
        />
        {error && (
          <Alert color="red" variant="light" title={t('form.failed')} role="alert">
            {(lang === 'en' ? error.detail?.en : error.detail?.vi) ?? error.message}
          </Alert>
        )}
        {sent && (
          <Alert color="green" variant="light" role="status">
            {t('form.sent')}
          </Alert>
        )}
        <Button type="submit" loading={busy} w={{ base: '100%', sm: 'auto' }}>
          {t('form.submit')}
        </Button>
      </Stack>
    </form>
  );
}
