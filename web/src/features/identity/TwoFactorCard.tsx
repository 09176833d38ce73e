import { Alert, Button, Card, Group, Image, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Me, useAuth } from '../../app/auth';
import { ApiError, sendJson } from '../../ui/api';

type Setup = { secret: string; uri: string; qrDataUrl: string };

/**
 * Two-factor sign-in with an authenticator app. Citizens may turn it on and off; officials must
 * keep it (they set it up at their first sign-in), so they only see that it is on.
 */
export function TwoFactorCard({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const { refresh } = useAuth();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const official = me.roles.length > 0;
  const lang = i18n.language;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, String(e)));
    } finally {
      setBusy(false);
    }
  };
  const start = () => run(async () => setSetup(await sendJson<Setup>('POST', '/api/me/totp/setup')));
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      if (me.totpEnabled) await sendJson('DELETE', '/api/me/totp', { code });
      else await sendJson('POST', '/api/me/totp', { secret: setup!.secret, code });
      setSetup(null);
      setCode('');
      refresh();
    });
  };
  const codeError = error?.fieldMessage('body.code', lang);
  const general =
    error && !codeError
      ? ((lang === 'en' ? error.detail?.en : error.detail?.vi) ?? t('security.failed'))
      : null;
  // A code is asked to confirm a new secret, or (citizens) to turn it off.
  const showCodeForm = setup !== null || (me.totpEnabled && !official);

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="totp-title">
      <Title order={2} fz="h3" id="totp-title" mb="xs">
        {t('account.twoFactor')}
      </Title>
      <Text mb="md">
        {me.totpEnabled
          ? official
            ? t('security.totpRequired')
            : t('security.totpOnCitizen')
          : t('security.totpOffIntro')}
      </Text>
      {!me.totpEnabled && !setup && (
        <Button onClick={start} loading={busy}>
          {t('security.turnOn')}
        </Button>
      )}
      {setup && (
        <Stack gap="sm" mb="md">
          <Text>{t('security.scanQr')}</Text>
          <Image src={setup.qrDataUrl} alt={t('security.qrAlt')} w={200} h={200} />
          <Text size="sm">
            {t('security.orEnterKey')} <code data-testid="totp-setup-secret">{setup.secret}</code>
          </Text>
        </Stack>
      )}
      {showCodeForm && (
        <form onSubmit={confirm} noValidate>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('security.code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
              error={codeError}
              w={180}
              required
            />
            <Button
              type="submit"
              loading={busy}
              disabled={code.length !== 6}
              color={me.totpEnabled ? 'red' : undefined}
            >
              {me.totpEnabled ? t('security.turnOff') : t('security.confirm')}
            </Button>
          </Group>
        </form>
      )}
      {general && (
        <Alert color="red" variant="light" role="alert" mt="md">
          {general}
        </Alert>
      )}
    </Card>
  );
}
