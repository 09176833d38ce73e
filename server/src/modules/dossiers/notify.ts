import type { Tx } from '../../db/engine.ts';
import type { DossierEvent } from './lifecycle.ts';
import type { dossiers } from './schema.ts';

/**
 * Tells the applicant about the steps they must know of (receipt, supplement request, result
 * ready, extension): inbox + e-mail outbox, in the caller's transaction.
 */
export async function notifyApplicant(
  _tx: Tx,
  _dossier: typeof dossiers.$inferSelect,
  _event: DossierEvent,
): Promise<void> {
  // Filled in by the notifications work (issue 4 §16).
}
