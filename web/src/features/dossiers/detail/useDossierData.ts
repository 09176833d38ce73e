import { useCallback } from 'react';
import type { ApiError } from '../../../ui/api';
import { type QueryResult, useApiQuery } from '../../../ui/useApiQuery';
import { type Dossier, type DossierFile, dossierPath, type TimelineEvent } from '../model';

export interface DossierData {
  dossier: Dossier;
  events: TimelineEvent[];
  files: DossierFile[];
}

/** The last answer, kept on screen while the next one loads (after an action) so nothing flickers. */
function latest<T>(q: QueryResult<T>): T | undefined {
  return q.status === 'success' ? q.data : q.status === 'loading' ? q.previous : undefined;
}

/** A dossier with its timeline and files, reloaded together after each thing the person does. */
export function useDossierData(id: string): {
  data: DossierData | undefined;
  error: ApiError | undefined;
  reload: () => void;
} {
  const path = dossierPath(id);
  const dossier = useApiQuery<Dossier>(path, { fresh: true });
  const timeline = useApiQuery<{ items: TimelineEvent[] }>(`${path}/timeline`, { fresh: true });
  const files = useApiQuery<{ items: DossierFile[] }>(`${path}/files`, { fresh: true });
  const d = latest(dossier);
  const tl = latest(timeline);
  const f = latest(files);
  const error =
    dossier.status === 'error'
      ? dossier.error
      : timeline.status === 'error'
        ? timeline.error
        : files.status === 'error'
          ? files.error
          : undefined;
  const { retry: r1 } = dossier;
  const { retry: r2 } = timeline;
  const { retry: r3 } = files;
  const reload = useCallback(() => {
    r1();
    r2();
    r3();
  }, [r1, r2, r3]);
  return {
    data: d && tl && f ? { dossier: d, events: tl.items, files: f.items } : undefined,
    error,
    reload,
  };
}
