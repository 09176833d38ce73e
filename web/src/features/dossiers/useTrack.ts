import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../ui/useApiQuery';
import {
  normaliseTrack,
  TRACK_CODE,
  TRACK_SECRET,
  type TrackedDossier,
  type TrackQuery,
  trackPath,
} from './api';

/**
 * The state of a tracking form (the /tra-cuu page and the box on the home page), so both check the
 * same input the same way and say the same thing about it.
 */
export function useTrack(initialCode = '') {
  const { t } = useTranslation();
  const [code, setCode] = useState(initialCode);
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<{ code?: string; secret?: string }>({});
  const [asked, setAsked] = useState<TrackQuery | null>(null);
  const result = useApiQuery<TrackedDossier>(asked ? trackPath(asked.code, asked.secret) : null, {
    fresh: true,
  });

  /** Checks what was typed; asks the server and returns the query only when it can be right. */
  const ask = (): TrackQuery | null => {
    const query = normaliseTrack(code, secret);
    const next = {
      code: TRACK_CODE.test(query.code) ? undefined : t('track.codeInvalid'),
      secret: TRACK_SECRET.test(query.secret) ? undefined : t('track.secretInvalid'),
    };
    setErrors(next);
    if (next.code || next.secret) return null;
    setAsked(query);
    return query;
  };

  return { code, setCode, secret, setSecret, errors, result, ask };
}

export type TrackForm = ReturnType<typeof useTrack>;
