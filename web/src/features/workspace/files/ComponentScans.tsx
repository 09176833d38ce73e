import type { Dossier, FileList } from '../api';
import { ComponentFiles } from './ComponentFiles';
import { DigitizeButton } from './DigitizeButton';

/**
 * The dossier's components with their files, and "mark digitized" under them: the same block on
 * the dossier page and right after the counter intake (Decree 30: paper is scanned at intake).
 */
export function ComponentScans({
  dossier,
  files,
  canScan,
  onChanged,
}: {
  dossier: Dossier;
  files: FileList;
  canScan: boolean;
  onChanged: () => void;
}) {
  // Digitizing is about paper handed in; an online dossier arrives digital.
  const paper = dossier.channel !== 'online';
  return (
    <>
      <ComponentFiles
        dossierId={dossier.id}
        components={dossier.components}
        files={files.items}
        canScan={canScan}
        paper={paper}
        onChanged={onChanged}
      />
      {(paper || files.digitizedAt) && (
        <div style={{ marginTop: 16 }}>
          <DigitizeButton
            dossierId={dossier.id}
            digitizedAt={files.digitizedAt}
            canScan={canScan}
            hasScans={files.items.some((f) => f.purpose === 'component')}
            onDone={onChanged}
          />
        </div>
      )}
    </>
  );
}
