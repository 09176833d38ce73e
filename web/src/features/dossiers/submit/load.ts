import { useEffect, useState } from 'react';
import { ApiError, getJson } from '../../../ui/api';
import { type Dossier, type DossierFile, dossierPath, type Prefill, type ProcedureDetail } from '../model';
import { openSession, type WizardSession, writeSession } from './session';

/** Everything the wizard starts from: the procedure (at the draft's version), the draft and its files, the prefill. */
export interface WizardStart {
  procedure: ProcedureDetail;
  session: WizardSession;
  draft: Dossier | null;
  files: DossierFile[];
  formData: Record<string, unknown>;
  prefill: Prefill | null;
}

export type WizardLoad =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  /** The draft asked for was filed meanwhile (another tab, a retried click): nothing left to fill. */
  | { status: 'filed'; dossier: Dossier }
  | { status: 'ready'; start: WizardStart };

const procedurePath = (code: string, version?: number) =>
  `/api/catalog/procedures/${encodeURIComponent(code)}${version ? `?version=${version}` : ''}`;

async function load(code: string, askedDraftId: string | null, signal: AbortSignal): Promise<WizardLoad> {
  const session = openSession(code);
  const draftId = askedDraftId ?? session.draftId ?? null;
  const opts = { signal, revalidate: true };
  if (draftId) {
    let draft: Dossier | null = null;
    try {
      draft = await getJson<Dossier>(dossierPath(draftId), opts);
    } catch (error) {
      // A draft this tab remembers but that is gone: start afresh rather than fail.
      if (!(error instanceof ApiError && error.status === 404 && !askedDraftId)) throw error;
    }
    if (draft && draft.status !== 'draft') return { status: 'filed', dossier: draft };
    if (draft) {
      const [procedure, files] = await Promise.all([
        getJson<ProcedureDetail>(procedurePath(draft.procedureCode, draft.procedureVersion), opts),
        getJson<{ items: DossierFile[] }>(`${dossierPath(draft.id)}/files`, opts),
      ]);
      if (session.draftId !== draft.id) writeSession(code, { ...session, draftId: draft.id });
      return {
        status: 'ready',
        start: {
          procedure,
          session: { ...session, draftId: draft.id },
          draft,
          files: files.items,
          formData: draft.formData,
          prefill: null,
        },
      };
    }
    writeSession(code, { key: session.key });
  }
  const procedure = await getJson<ProcedureDetail>(procedurePath(code), opts);
  const online =
    procedure.enabled && procedure.onlineType === 'full' && procedure.channels.includes('online');
  const prefill =
    procedure.eform && online
      ? await getJson<Prefill>(`/api/dossiers/prefill?procedureCode=${encodeURIComponent(code)}`, opts)
      : null;
  return {
    status: 'ready',
    start: {
      procedure,
      session: { key: session.key, commune: session.commune },
      draft: null,
      files: [],
      formData: session.formData ?? prefill?.formData ?? {},
      prefill,
    },
  };
}

/** Loads once per procedure and draft asked for; `retry` tries again after a failure. */
export function useWizardLoad(code: string, draftId: string | null): WizardLoad & { retry: () => void } {
  const [state, setState] = useState<WizardLoad>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    void attempt;
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(code, draftId, controller.signal).then(
      (result) => {
        if (!controller.signal.aborted) setState(result);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          status: 'error',
          error: error instanceof ApiError ? error : new ApiError(0, String(error)),
        });
      },
    );
    return () => controller.abort();
  }, [code, draftId, attempt]);
  return { ...state, retry: () => setAttempt((n) => n + 1) };
}
