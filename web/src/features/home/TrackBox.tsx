import { Alert, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { LoadingState } from '../../ui/LoadingState';
import { pickLocalized } from '../../ui/localized';
import { useApiQuery } from '../../ui/useApiQuery';
import { type TrackedDossier, trackPath, vietnamDateTime } from '../dossiers/api';
import '../catalog/i18n';

// The same checks as the tracking page (/tra-cuu), so both say the same thing about the same input.
const CODE = /^[0-9A-Z.]{3,35}-\d{6}-\d{4}$/;
const SECRET = /^(0\d{9,10}|\d{12})$/;

/**
 * "Theo dõi hồ sơ" on the home page: the code from the receipt and the phone number or CCCD given
 * when filing; the answer (status, due date, latest step) shows right here, and the full timeline
 * is one link away on /tra-cuu.
 */
export function TrackBox() {
  const { t } = useTranslation();
  const { t: tc, i18n } = useTranslation('catalog');
  const [code, setCode] = useState('');
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<{ code?: string; secret?: string }>({});
  const [asked, setAsked] = useState<{ code: string; secret: string } | null>(null);
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
    if (!next.code && !next.secret) setAsked({ code: c, secret: s });
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
            <TextInput
              label={t('track.code')}
              description={t('track.codeHelp')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={errors.code}
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
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
              <Button type="submit">{t('track.submit')}</Button>
            </Group>
          </Stack>
        </form>
        <div aria-live="polite">
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
      <Button
        component={Link}
        href={`/tra-cuu?ma=${encodeURIComponent(dossier.code)}`}
        variant="light"
        mt="xs"
      >
        {tc('home.track.details')}
      </Button>
    </Stack>
  );
}
