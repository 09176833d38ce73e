import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileSize } from '../format';
import type { DossierFile, WalletItem } from '../model';
import { ACCEPT, precheck, removeFile, reuseFromWallet, uploadComponent, uploadError } from './uploads';
import { WalletPicker } from './WalletPicker';

export interface ComponentInfo {
  index: number;
  name: string;
  required: boolean;
  originals: number;
  copies: number;
}

export interface ComponentFilesProps {
  component: ComponentInfo;
  files: DossierFile[];
  /** The dossier to attach to; in the wizard it is created on the first file. */
  dossierId: () => Promise<string>;
  onAdded: (file: DossierFile) => void;
  onRemoved: (fileId: string) => void;
  wallet: WalletItem[];
  /** Files that may be taken off (one's own, while the dossier is being prepared). */
  canRemove?: (file: DossierFile) => boolean;
}

/** The catalogue writes some components as "- Giấy chứng sinh…": the dash is list markup, not the name. */
export const componentName = (name: string) => name.replace(/^\s*[-–•*+]\s*/, '');

/** One document component: what is asked, what is attached, and the ways to attach a file. */
export function ComponentFiles(props: ComponentFilesProps) {
  const { component, files, wallet } = props;
  const { t, i18n } = useTranslation('dossiers');
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [walletOpen, setWalletOpen] = useState(false);
  const titleId = useId();
  const name = componentName(component.name);

  const run = async (work: (id: string) => Promise<void>) => {
    setBusy(true);
    setErrors([]);
    try {
      await work(await props.dossierId());
    } catch (error) {
      setErrors([uploadError(error, t, i18n.language, name)]);
    } finally {
      setBusy(false);
    }
  };

  const upload = (picked: FileList | null) => {
    const list = Array.from(picked ?? []);
    if (input.current) input.current.value = ''; // the same file may be picked again after a refusal
    if (!list.length) return;
    void run(async (id) => {
      const refused: string[] = [];
      for (const file of list) {
        const problem = precheck(file, t);
        if (problem) {
          refused.push(problem);
          continue;
        }
        try {
          props.onAdded(await uploadComponent(id, component.index, file));
        } catch (error) {
          refused.push(uploadError(error, t, i18n.language, file.name));
        }
      }
      setErrors(refused);
    });
  };

  const counts = [
    component.originals > 0 ? t('files.originals', { count: component.originals }) : null,
    component.copies > 0 ? t('files.copies', { count: component.copies }) : null,
  ].filter(Boolean);

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby={titleId}
      data-testid="component"
    >
      <Stack gap="sm">
        <div>
          <Text component="h3" fw={600} fz="md" id={titleId} m={0}>
            {name}
          </Text>
          <Group gap={6} mt={6}>
            <Badge variant="light" color={component.required ? 'red' : 'gray'} tt="none" radius="sm">
              {component.required ? t('files.required') : t('files.optional')}
            </Badge>
            {counts.length > 0 && (
              <Text size="sm" c="dimmed">
                {counts.join(' · ')}
              </Text>
            )}
          </Group>
        </div>
        {files.length > 0 && (
          <ul className="cqs-file-list" aria-label={t('files.attachedTo', { name })}>
            {files.map((f) => (
              <li key={f.id}>
                <div className="cqs-file-name">
                  <Anchor href={f.url} target="_blank" rel="noopener" fw={500}>
                    {f.fileName}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {fileSize(f.sizeBytes, i18n.language)}
                    {f.reusedFromId ? ` · ${t('files.fromWallet')}` : ''}
                  </Text>
                </div>
                {(props.canRemove?.(f) ?? true) && (
                  <Button
                    variant="subtle"
                    color="red"
                    disabled={busy}
                    aria-label={t('files.removeNamed', { name: f.fileName })}
                    onClick={() =>
                      void run(async (id) => {
                        await removeFile(id, f.id);
                        props.onRemoved(f.id);
                      })
                    }
                  >
                    {t('files.remove')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
        {errors.map((e) => (
          <Alert key={e} color="red" variant="light" role="alert" data-testid="upload-error">
            {e}
          </Alert>
        ))}
        <Group gap="sm">
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            multiple
            hidden
            data-testid={`file-input-${component.index}`}
            aria-hidden="true"
            tabIndex={-1}
            onChange={(e) => upload(e.currentTarget.files)}
          />
          <Button
            variant="light"
            loading={busy}
            onClick={() => input.current?.click()}
            aria-describedby={titleId}
          >
            {files.length ? t('files.addMore') : t('files.upload')}
          </Button>
          {wallet.length > 0 && (
            <Button
              variant="subtle"
              disabled={busy}
              onClick={() => setWalletOpen(true)}
              aria-describedby={titleId}
            >
              {t('files.pickFromWallet')}
            </Button>
          )}
        </Group>
      </Stack>
      {walletOpen && (
        <WalletPicker
          items={wallet}
          componentName={name}
          onClose={() => setWalletOpen(false)}
          onPick={(item) => {
            setWalletOpen(false);
            void run(async (id) => props.onAdded(await reuseFromWallet(id, component.index, item.file.id)));
          }}
        />
      )}
    </Card>
  );
}
