import { useCallback, useEffect, useState } from 'react';
import { ApiError, getJson } from '../../ui/api';
import {
  type Agency,
  type Dossier,
  type FileList,
  loadAgencies,
  type Procedure,
  type TimelineEvent,
} from './api';

export interface DossierBundle {
  dossier: Dossier;
  timeline: TimelineEvent[];
  files: FileList;
  /** The procedure version the dossier was filed under (its e-form titles, its documents). */
  procedure: Procedure | null;
  agencies: Agency[];
}

export type DossierState =
  | { status: 'loading'; previous?: DossierBundle }
  | { status: 'success'; data: DossierBundle }
  | { status: 'error'; error: ApiError };

/**
 * Everything the casework page shows about one dossier, loaded together and reloaded after each
 * action (`reload`), keeping the previous answer on screen meanwhile so nothing jumps.
 */
export function useDossier(id: string): { state: DossierState; reload: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<DossierState>({ status: 'loading' });

  useEffect(() => {
    void attempt;
    let stale = false;
    setState((prev) => ({
      status: 'loading',
      previous: prev.status === 'success' ? prev.data : prev.status === 'loading' ? prev.previous : undefined,
    }));
    const base = `/api/dossiers/${encodeURIComponent(id)}`;
    (async () => {
      const dossier = await getJson<Dossier>(base, { revalidate: true });
      const [timeline, files, procedure, agencies] = await Promise.all([
        getJson<{ items: TimelineEvent[] }>(`${base}/timeline`, { revalidate: true }),
        getJson<FileList>(`${base}/files`, { revalidate: true }),
        getJson<Procedure>(
          `/api/catalog/procedures/${encodeURIComponent(dossier.procedureCode)}?version=${dossier.procedureVersion}`,
        ).catch(() => null),
        loadAgencies().catch(() => [] as Agency[]),
      ]);
      return { dossier, timeline: timeline.items, files, procedure, agencies };
    })().then(
      (data) => {
        if (!stale) setState({ status: 'success', data });
      },
      (error: unknown) => {
        if (!stale)
          setState({
            status: 'error',
            error: error instanceof ApiError ? error : new ApiError(0, String(error)),
          });
      },
    );
    return () => {
      stale = true;
    };
  }, [id, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
