import '@mantine/core/styles/Timeline.css';
import { Badge, Button, Card, Container, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';
import { usePageTitle } from '../../app/title';
import { pickLocalized } from '../../ui/localized';
import { type TrackedDossier, trackHref, vietnamDateTime } from './api';
import { TrackFields, TrackNotice } from './TrackFields';
import { useTrack } from './useTrack';

/**
 * `/tra-cuu?ma=…`: anyone follows a dossier with its code (printed and in the QR code of the
 * receipt) and the phone number or CCCD given when filing. No sign-in, no personal data shown.
 */
export function TrackPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('track.title'));
  const params = new URLSearchParams(window.location.search);
  const form = useTrack(params.get('ma') ?? '');
  const { result } = form;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const asked = form.ask();
    if (asked) navigate(trackHref(asked.code), { replace: true });
  };

  return (
    <Container size="sm" py="xl">
      <Stack gap="lg">
        <Title order={1} fz={{ base: 26, sm: 32 }}>
          {t('track.title')}
        </Title>
        <Text>{t('track.intro')}</Text>
        <Card withBorder padding="lg" radius="md" component="form" onSubmit={submit} noValidate>
          <Stack gap="md">
            <TrackFields form={form} />
            <Group>
              <Button type="submit" size="md">
                {t('track.submit')}
              </Button>
            </Group>
          </Stack>
        </Card>
        <TrackNotice result={result} />
        {result.status === 'success' && <Tracked dossier={result.data} language={i18n.language} />}
      </Stack>
    </Container>
  );
}

function Tracked({ dossier, language }: { dossier: TrackedDossier; language: string }) {
  const { t } = useTranslation();
  const when = (iso: string | null) => (iso ? vietnamDateTime(iso, language) : '—');
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="tracked-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Title order={2} fz="h3" id="tracked-title">
            {dossier.code}
          </Title>
          <Badge size="lg" variant="light" data-testid="dossier-status">
            {language.startsWith('en') ? dossier.statusLabel.en : dossier.statusLabel.vi}
          </Badge>
        </Group>
        <Text fw={500}>{pickLocalized(dossier.procedureName, language)}</Text>
        <Text>
          {t('track.receivedAt')}: <strong>{when(dossier.receivedAt)}</strong>
        </Text>
        <Text>
          {t('track.dueAt')}: <strong>{when(dossier.dueAt)}</strong>
        </Text>
        <Title order={3} fz="h4" mt="sm">
          {t('track.steps')}
        </Title>
        <Timeline active={dossier.steps.length - 1} bulletSize={14} lineWidth={2}>
          {dossier.steps.map((s) => (
            <Timeline.Item
              key={`${s.type}-${s.at}`}
              title={t(`track.step.${s.type}`, { defaultValue: s.type })}
            >
              <Text size="sm" c="dimmed">
                {when(s.at)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
    </Card>
  );
}
