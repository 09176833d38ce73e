import '@mantine/core/styles/Timeline.css';
import {
  Alert,
  Badge,
  Button,
  Card,
  Container,
  Group,
  Stack,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';
import { usePageTitle } from '../../app/title';
import { LoadingState } from '../../ui/LoadingState';
import { pickLocalized } from '../../ui/localized';
import { useApiQuery } from '../../ui/useApiQuery';
import { type TrackedDossier, trackPath, vietnamDateTime } from './api';

const CODE = /^[0-9A-Z.]{3,35}-\d{6}-\d{4}$/;
const SECRET = /^(0\d{9,10}|\d{12})$/;

/**
 * `/tra-cuu?ma=…`: anyone follows a dossier with its code (printed and in the QR code of the
 * receipt) and the phone number or CCCD given when filing. No sign-in, no personal data shown.
 */
export function TrackPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('track.title'));
  const params = new URLSearchParams(window.location.search);
  const [code, setCode] = useState(params.get('ma') ?? '');
  const [secret, setSecret] = useState('');
  const [asked, setAsked] = useState<{ code: string; secret: string } | null>(null);
  const [errors, setErrors] = useState<{ code?: string; secret?: string }>({});
  const result = useApiQuery<TrackedDossier>(asked ? trackPath(asked.code, asked.secret) : null, {
    fresh: true,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const c = code.trim().toUpperCase();
    const s = secret.replace(/\s+/g, '');
    const next = {
      code: CODE.test(c) ? undefined : t('track.codeInvalid'),
      secret: SECRET.test(s) ? undefined : t('track.secretInvalid'),
    };
    setErrors(next);
    if (next.code || next.secret) return;
    navigate(`/tra-cuu?ma=${encodeURIComponent(c)}`, { replace: true });
    setAsked({ code: c, secret: s });
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
            <TextInput
              label={t('track.code')}
              description={t('track.codeHelp')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={errors.code}
              autoCapitalize="characters"
              autoComplete="off"
              required
            />
            <TextInput
              label={t('track.secret')}
              description={t('track.secretHelp')}
              value={secret}
              onChange={(e) => setSecret(e.currentTarget.value)}
              error={errors.secret}
              inputMode="numeric"
              autoComplete="tel"
              required
            />
            <Group>
              <Button type="submit" size="md">
                {t('track.submit')}
              </Button>
            </Group>
          </Stack>
        </Card>
        {result.status === 'loading' && <LoadingState label={t('track.loading')} />}
        {result.status === 'error' && (
          <Alert color={result.error.status === 404 ? 'yellow' : 'red'} variant="light" role="alert">
            {result.error.status === 404
              ? t('track.notFound')
              : result.error.status === 429
                ? t('track.tooMany')
                : t('track.error')}
          </Alert>
        )}
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
