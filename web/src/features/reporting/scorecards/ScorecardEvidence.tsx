import { Anchor, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendFile, sendJson } from '../../../ui/api';
import { errorText, type ScoreLine } from './api';

/** An indicator's proof files: links to read them, and while the draft is editable, upload and remove. */
export function ScorecardEvidence({
  line,
  base,
  editable,
  error,
  onChanged,
}: {
  line: ScoreLine;
  /** `/api/reporting/scorecards/:set/assessments/:agency` */
  base: string;
  editable: boolean;
  error?: string | undefined;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation('scorecards');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const code = encodeURIComponent(line.indicator.code);
  const what = `${line.indicator.code} ${line.indicator.name}`;

  const upload = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setFailed(null);
    try {
      await sendFile(
        `${base}/evidence?indicator=${code}&fileName=${encodeURIComponent(file.name || 'minh-chung.pdf')}`,
        file,
      );
      onChanged();
    } catch (e) {
      setFailed(errorText(e, i18n.language, t('form.uploadFailed')));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (sha256: string) => {
    setBusy(true);
    try {
      await sendJson('DELETE', `${base}/evidence/${sha256}?indicator=${code}`);
      onChanged();
    } catch (e) {
      setFailed(errorText(e, i18n.language, t('form.uploadFailed')));
    } finally {
      setBusy(false);
    }
  };

  const message = failed ?? error;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('form.evidenceHeading')}
      </Text>
      {line.evidence.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('form.noEvidence')}
        </Text>
      ) : (
        <Stack gap={2} component="ul" className="sc-plain-list">
          {line.evidence.map((e) => (
            <Group key={e.sha256} component="li" gap="xs" wrap="nowrap">
              <Anchor href={e.url} target="_blank" rel="noopener" size="sm" className="sc-break">
                {e.name}
              </Anchor>
              {editable && (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  onClick={() => remove(e.sha256)}
                  disabled={busy}
                  aria-label={t('form.removeLabel', { name: e.name })}
                >
                  {t('form.remove')}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {editable && (
        <FileButton
          onChange={upload}
          accept="application/pdf,image/jpeg,image/png"
          inputProps={{ 'aria-label': `${t('form.upload')} — ${what}` }}
        >
          {(props) => (
            <Button
              {...props}
              variant="light"
              size="sm"
              loading={busy}
              aria-label={`${t('form.upload')} — ${what}`}
              w="fit-content"
            >
              {t('form.upload')}
            </Button>
          )}
        </FileButton>
      )}
      {message && (
        <Text size="sm" c="red.8" role="alert">
          {message}
        </Text>
      )}
    </Stack>
  );
}
