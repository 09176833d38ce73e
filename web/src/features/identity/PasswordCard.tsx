import { Alert, Button, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, sendJson } from '../../ui/api';

/** Change the password: the current one is asked; every other device is signed out afterwards. */
export function PasswordCard() {
  const { t, i18n } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<number | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const r = await sendJson<{ otherSessionsEnded: number }>('POST', '/api/me/password', {
        currentPassword: current,
        newPassword: next,
      });
      setDone(r.otherSessionsEnded);
      setCurrent('');
      setNext('');
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, String(e)));
    } finally {
      setBusy(false);
    }
  };
  const lang = i18n.language;
  const general = error && error.fieldErrors.length === 0;

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="password-title">
      <Title order={2} fz="h3" id="password-title" mb="xs">
        {t('security.passwordTitle')}
      </Title>
      <Text c="dimmed" mb="md">
        {t('security.passwordIntro')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={420}>
          <TextInput
            label={t('security.currentPassword')}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={error?.fieldMessage('body.currentPassword', lang)}
            required
          />
          <TextInput
            label={t('security.newPassword')}
            description={t('security.newPasswordHelp')}
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={error?.fieldMessage('body.newPassword', lang)}
            required
          />
          {general && (
            <Alert color="red" variant="light" role="alert">
              {(lang === 'en' ? error.detail?.en : error.detail?.vi) ?? t('security.failed')}
            </Alert>
          )}
          {done !== null && (
            <Alert color="green" variant="light" role="status">
              {t('security.passwordChanged', { count: done })}
            </Alert>
          )}
          <div>
            <Button type="submit" loading={busy} disabled={!current || !next}>
              {t('security.changePassword')}
            </Button>
          </div>
        </Stack>
      </form>
    </Card>
  );
}
