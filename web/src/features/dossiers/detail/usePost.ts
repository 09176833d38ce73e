import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, sendJson } from '../../../ui/api';
import { pickLocalized } from '../../../ui/localized';

/**
 * One POST from a panel of the dossier page (rating, supplement, withdrawal): busy while it runs,
 * and the server's own words (or "no connection") when it fails, so what was typed stays put.
 */
export function usePost() {
  const { t, i18n } = useTranslation('dossiers');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const post = async (path: string, body: unknown, onDone: () => void) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await sendJson('POST', path, body);
      onDone();
    } catch (e) {
      setError(
        e instanceof ApiError && e.detail ? pickLocalized(e.detail, i18n.language) : t('wizard.network'),
      );
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, setError, post };
}
