import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../ui/useApiQuery';
import { ComponentFiles, type ComponentInfo } from '../files/ComponentFiles';
import type { Dossier, DossierFile, ProcedureDetail, WalletItem } from '../model';
import { PlacePicker, type PlaceProps } from './PlacePicker';
import type { Commune } from './Wizard';

export interface DocumentsStepProps {
  procedure: ProcedureDetail;
  draft: Dossier | null;
  files: DossierFile[];
  onFiles: (update: (files: DossierFile[]) => DossierFile[]) => void;
  ensureDraft: () => Promise<Dossier>;
  /** Shown here when the procedure has no e-form (this is then the first step). */
  place: PlaceProps | null;
  onPlace: (c: Commune | null) => void;
}

/** "* Giấy tờ phải nộp:" → "Giấy tờ phải nộp". */
const groupTitle = (group: string) => group.replace(/^[\s*•-]+/, '').replace(/[\s:]+$/, '');

/** The procedure's components grouped as the catalogue groups them ("Giấy tờ phải nộp", "phải xuất trình"). */
export function components(procedure: ProcedureDetail, draft: Dossier | null) {
  const list: (ComponentInfo & { group: string | null })[] = draft
    ? draft.components.map((c) => ({ ...c, group: procedure.documents[c.index]?.group ?? null }))
    : procedure.documents.map((d, index) => ({ ...d, index }));
  const groups: { title: string | null; items: typeof list }[] = [];
  for (const c of list) {
    const last = groups.at(-1);
    if (last && last.title === c.group) last.items.push(c);
    else groups.push({ title: c.group, items: [c] });
  }
  return groups;
}

/** Step 2: a file (or a document from the wallet) for each component of the dossier. */
export function DocumentsStep({
  procedure,
  draft,
  files,
  onFiles,
  ensureDraft,
  place,
  onPlace,
}: DocumentsStepProps) {
  const { t } = useTranslation('dossiers');
  const wallet = useApiQuery<{ items: WalletItem[] }>('/api/dossiers/wallet', { fresh: true });
  const walletItems = wallet.status === 'success' ? wallet.data.items : [];
  const groups = components(procedure, draft);
  const ofComponent = (index: number) =>
    files.filter((f) => f.purpose === 'component' && f.componentIndex === index);

  return (
    <Stack gap="md">
      <Text>{t('files.intro')}</Text>
      {place?.needsCommune && <PlacePicker {...place} onChange={onPlace} />}
      {groups.length === 0 && <Text c="dimmed">{t('files.none')}</Text>}
      {groups.map((g) => (
        <Stack key={g.title ?? 'all'} gap="sm" component="section">
          {g.title && (
            <Title order={3} fz="h4">
              {groupTitle(g.title)}
            </Title>
          )}
          {g.items.map((c) => (
            <ComponentFiles
              key={c.index}
              component={c}
              files={ofComponent(c.index)}
              wallet={walletItems}
              dossierId={async () => (await ensureDraft()).id}
              onAdded={(f) => onFiles((all) => [...all, f])}
              onRemoved={(id) => onFiles((all) => all.filter((f) => f.id !== id))}
            />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
