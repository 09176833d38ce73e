import { randomKey } from '../format';

/**
 * What one filing in this tab remembers across reloads: the `Idempotency-Key` its draft is created
 * with (a double click or a retried request returns the same draft, never a second dossier), the
 * draft's id once made, and the commune chosen (the draft keeps it, but does not show its name).
 */
export interface WizardSession {
  key: string;
  draftId?: string;
  commune?: { code: string; name: string };
  /** What was typed before the draft existed, so a reload or a slip of the back button loses nothing. */
  formData?: Record<string, unknown>;
}

const storageKey = (procedureCode: string) => `cqs.nop-ho-so.${procedureCode}`;

export function readSession(procedureCode: string): WizardSession | null {
  try {
    const raw = window.sessionStorage.getItem(storageKey(procedureCode));
    const parsed = raw ? (JSON.parse(raw) as WizardSession) : null;
    return parsed && typeof parsed.key === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

/** The session of this filing, started if there is none (storage may be off: then it lives in memory). */
export function openSession(procedureCode: string): WizardSession {
  const existing = readSession(procedureCode);
  if (existing) return existing;
  const session = { key: randomKey() };
  writeSession(procedureCode, session);
  return session;
}

export function writeSession(procedureCode: string, session: WizardSession): void {
  try {
    window.sessionStorage.setItem(storageKey(procedureCode), JSON.stringify(session));
  } catch {
    // Private mode or storage full: the filing still works, only a reload forgets the draft.
  }
}

/** After filing (or giving up on a draft): the next visit starts a new dossier with a new key. */
export function clearSession(procedureCode: string): void {
  try {
    window.sessionStorage.removeItem(storageKey(procedureCode));
  } catch {
    // Nothing to clear.
  }
}
