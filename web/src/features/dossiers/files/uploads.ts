import type { TFunction } from 'i18next';
import { ApiError, sendFile, sendJson } from '../../../ui/api';
import { pickLocalized } from '../../../ui/localized';
import { type DossierFile, dossierPath } from '../model';

/** What the picker offers: PDF and photos (phones then offer the camera too). */
export const ACCEPT = 'application/pdf,image/*';
const KNOWN = /\.(pdf|jpe?g|png)$/i;
const TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/**
 * A file the browser already knows is not a PDF, JPEG or PNG (a GIF, a Word file) is stopped
 * here; anything else goes up, and the server reads its bytes (a renamed program is refused there).
 */
export function precheck(file: File, t: TFunction<'dossiers'>): string | null {
  if (file.size === 0) return t('files.empty', { name: file.name });
  if (!TYPES.has(file.type) && !KNOWN.test(file.name)) return t('files.wrongType', { name: file.name });
  return null;
}

/** Uploads one file as one component of the dossier (the body is the file's bytes). */
export function uploadComponent(dossierId: string, component: number, file: File): Promise<DossierFile> {
  const params = new URLSearchParams({ component: String(component), fileName: file.name.slice(0, 255) });
  return sendFile<DossierFile>(`${dossierPath(dossierId)}/files?${params}`, file);
}

export function reuseFromWallet(
  dossierId: string,
  component: number,
  walletFileId: string,
): Promise<DossierFile> {
  return sendJson<DossierFile>('POST', `${dossierPath(dossierId)}/files/reuse`, { component, walletFileId });
}

export function removeFile(dossierId: string, fileId: string): Promise<undefined> {
  return sendJson('DELETE', `${dossierPath(dossierId)}/files/${encodeURIComponent(fileId)}`);
}

/** The commune is not chosen yet, so there is no dossier to attach to. */
export class PlaceMissing extends Error {
  constructor() {
    super('choose the commune first');
    this.name = 'PlaceMissing';
  }
}

/** The server's refusal in the person's language: a renamed .exe (415), too large (413), not now (409). */
export function uploadError(
  error: unknown,
  t: TFunction<'dossiers'>,
  language: string,
  name: string,
): string {
  if (error instanceof PlaceMissing) return t('files.placeFirst');
  if (!(error instanceof ApiError)) return t('files.failed', { name });
  if (error.status === 0) return t('files.network', { name });
  const said = error.detail ? pickLocalized(error.detail, language) : null;
  if (error.status === 415) return said ?? t('files.wrongType', { name });
  if (error.status === 413) return said ?? t('files.tooLarge', { name });
  return said ?? t('files.failed', { name });
}
