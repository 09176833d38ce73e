import { useCallback, useEffect, useRef, useState } from 'react';
import { getJson, sendJson } from '../../../ui/api';
import { type Dossier, dossierPath, submitHref } from '../model';
import { clearSession, type WizardSession, writeSession } from './session';

export interface DraftInput {
  formData: Record<string, unknown>;
  commune: { code: string; name: string } | null;
}

/**
 * The draft behind the wizard. It is created once, with the filing's `Idempotency-Key`: calls made
 * while the first is in flight share it, and a retried request gets the same draft back from the
 * server, so no click ever makes two dossiers.
 */
export function useDraft(procedureCode: string, session: WizardSession, initial: Dossier | null) {
  const [draft, setDraft] = useState<Dossier | null>(initial);
  const pending = useRef<Promise<Dossier> | null>(null);
  const current = useRef<Dossier | null>(initial);
  const commune = useRef(session.commune);

  const remember = useCallback(
    (d: Dossier, chosen?: DraftInput['commune']) => {
      current.current = d;
      setDraft(d);
      if (chosen) commune.current = chosen;
      writeSession(procedureCode, { key: session.key, draftId: d.id, commune: commune.current });
      // The address now reopens this draft after a reload; no navigation, so nothing re-renders or scrolls.
      const href = submitHref(procedureCode, d.id);
      if (window.location.pathname + window.location.search !== href)
        window.history.replaceState(null, '', href);
    },
    [procedureCode, session],
  );

  // A draft this tab remembered (not named in the address) gets its address, as a new one does.
  useEffect(() => {
    const href = initial ? submitHref(procedureCode, initial.id) : null;
    if (href && window.location.pathname + window.location.search !== href)
      window.history.replaceState(null, '', href);
  }, [initial, procedureCode]);

  /** The draft, created on first need with what has been filled in so far. */
  const ensureDraft = useCallback(
    (input: DraftInput): Promise<Dossier> => {
      if (current.current) return Promise.resolve(current.current);
      if (!pending.current) {
        pending.current = sendJson<Dossier>(
          'POST',
          '/api/dossiers',
          {
            procedureCode,
            formData: input.formData,
            draft: true,
            ...(input.commune ? { communeCode: input.commune.code } : {}),
          },
          { headers: { 'Idempotency-Key': session.key } },
        ).then(
          (d) => {
            remember(d, input.commune);
            return d;
          },
          (error: unknown) => {
            pending.current = null;
            throw error;
          },
        );
      }
      return pending.current;
    },
    [procedureCode, session, remember],
  );

  /** Saves the form: into the draft (made now if need be). */
  const saveForm = useCallback(
    async (input: DraftInput): Promise<Dossier> => {
      const existed = current.current !== null || pending.current !== null;
      const d = await ensureDraft(input);
      if (!existed) return d; // just created with this very form
      const saved = await sendJson<Dossier>('PATCH', dossierPath(d.id), { formData: input.formData });
      remember(saved);
      return saved;
    },
    [ensureDraft, remember],
  );

  /** Files the draft. A 409 after a lost answer means it was already filed: the dossier says so. */
  const submit = useCallback(
    async (input: DraftInput, hasForm: boolean): Promise<Dossier> => {
      const d = hasForm ? await saveForm(input) : await ensureDraft(input);
      try {
        const filed = await sendJson<Dossier>('POST', `${dossierPath(d.id)}/commands`, { type: 'submit' });
        clearSession(procedureCode);
        return filed;
      } catch (error) {
        const now = await getJson<Dossier>(dossierPath(d.id), { revalidate: true }).catch(() => null);
        if (now && now.status !== 'draft') {
          clearSession(procedureCode);
          return now;
        }
        throw error;
      }
    },
    [ensureDraft, saveForm, procedureCode],
  );

  /** Refreshes the draft's view (its components' file counts) after files change. */
  const refresh = useCallback(async () => {
    if (!current.current) return;
    const d = await getJson<Dossier>(dossierPath(current.current.id), { revalidate: true });
    current.current = d;
    setDraft(d);
  }, []);

  return { draft, ensureDraft, saveForm, submit, refresh };
}
