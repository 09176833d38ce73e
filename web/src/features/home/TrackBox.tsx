import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { pickLocalized } from '../../ui/localized';
import { type TrackedDossier, trackHref, vietnamDateTime } from '../dossiers/api';
import { TrackFields, TrackNotice } from '../dossiers/TrackFields';
import { useTrack } from '../dossiers/useTrack';
import '../catalog/i18n';

/**
 * "Theo dõi hồ sơ" on the home page: the code from the receipt and the phone number or CCCD given
 * when filing; the answer (status, due date, latest step) shows right here, and the full timeline
 * is one link away on /tra-cuu.
 */
export function TrackBox() {
  const { t } = useTranslation();
  const { t: tc, i18n } = useTranslation('catalog');
  // The same checks as the tracking page (/tra-cuu), so both say the same thing about the same input.
  const form = useTrack();
  const { result } = form;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    form.ask();
  };

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="trackbox-title">
      <Stack gap="md">
        <div>
          <Title order={2} fz="h3" id="trackbox-title">
            {tc('home.track.title')}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('track.intro')}
          </Text>
        </div>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TrackFields form={form} />
            <Group>
              <Button type="submit">{t('track.submit')}</Button>
            </Group>
          </Stack>
        </form>
        <div aria-live="polite">
          <TrackNotice result={result} />
          {result.status === 'success' && <Tracked dossier={result.data} language={i18n.language} />}
        </div>
      </Stack>
    </Card>
  );
}

function Tracked({ dossier, language }: { dossier: TrackedDossier; language: string }) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('catalog');
  const when = (iso: string | null) => (iso ? vietnamDateTime(iso, language) : '—');
  const last = dossier.steps.at(-1);
  return (
    <Stack gap={6} className="cqs-tracked">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Text fw={700}>{dossier.code}</Text>
        <Badge size="lg" variant="light" tt="none">
          {language.startsWith('en') ? dossier.statusLabel.en : dossier.statusLabel.vi}
        </Badge>
      </Group>
      <Text fw={500}>{pickLocalized(dossier.procedureName, language)}</Text>
      <Text size="sm">
        {t('track.dueAt')}: <strong>{when(dossier.dueAt)}</strong>
      </Text>
      {last && (
        <Text size="sm">
          {tc('home.track.lastStep')}:{' '}
          <strong>{t(`track.step.${last.type}`, { defaultValue: last.type })}</strong> ({when(last.at)})
        </Text>
      )}
      <Button component={Link} href={trackHref(dossier.code)} variant="light" mt="xs">
        {tc('home.track.details')}
      </Button>
    </Stack>
  );
}
