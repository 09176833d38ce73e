import type { Agency, Dossier } from '../../api';

/** What every action dialog gets. */
export interface ActionProps {
  dossier: Dossier;
  agencies: Agency[];
  onDone: (dossier: Dossier) => void;
  onClose: () => void;
}
