import { Alert, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../ui/LoadingState';
import type { TrackForm } from './useTrack';

// The parts the /tra-cuu page and the home page's tracking box share (strings in the app's `track.*`).

/** The dossier code and the phone number or CCCD given when filing, with their errors. */
export function TrackFields({ form }: { form: TrackForm }) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('track.code')}
        description={t('track.codeHelp')}
        value={form.code}
        onChange={(e) => form.setCode(e.currentTarget.value)}
        error={form.errors.code}
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
        required
      />
      <TextInput
        label={t('track.secret')}
        description={t('track.secretHelp')}
        value={form.secret}
        onChange={(e) => form.setSecret(e.currentTarget.value)}
        error={form.errors.secret}
        inputMode="numeric"
        autoComplete="tel"
        required
      />
    </>
  );
}

/** While the server looks, and why it found nothing (unknown code or secret, too many tries, a failure). */
export function TrackNotice({ result }: { result: TrackForm['result'] }) {
  const { t } = useTranslation();
  if (result.status === 'loading') return <LoadingState label={t('track.loading')} />;
  if (result.status !== 'error') return null;
  const { status } = result.error;
  return (
    <Alert color={status === 404 ? 'yellow' : 'red'} variant="light" role="alert">
      {status === 404 ? t('track.notFound') : status === 429 ? t('track.tooMany') : t('track.error')}
    </Alert>
  );
}
