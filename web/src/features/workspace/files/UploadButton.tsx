import { Button, FileButton, Group, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendFile } from '../../../ui/api';
import { errorText, fieldError } from '../format';

const ACCEPT = 'application/pdf,image/*';

export interface UploadButtonProps {
  /** `/api/dossiers/:id/files?…` without `fileName`, which each file adds. */
  target: string;
  /** What the files are for, in the buttons' accessible names ("Thành phần 1: …"). */
  what: string;
  onUploaded: () => void;
  label?: string;
}

/**
 * Adds files to a dossier: "Chọn tệp" everywhere, and on a tablet or phone also "Chụp ảnh", which
 * opens the rear camera straight away (`capture="environment"`) to photograph a paper.
 */
export function UploadButton({ target, what, onUploaded, label }: UploadButtonProps) {
  const { t, i18n } = useTranslation('workspace');
  const touch = useMediaQuery('(pointer: coarse)', undefined, { getInitialValueInEffect: false });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async (files: File[] | File | null) => {
    const list = files === null ? [] : Array.isArray(files) ? files : [files];
    if (list.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      for (const file of list) {
        const sep = target.includes('?') ? '&' : '?';
        await sendFile(`${target}${sep}fileName=${encodeURIComponent(file.name || 'scan.jpg')}`, file);
      }
    } catch (e) {
      setError(
        fieldError(e, i18n.language, 'file', 'query.fileName') ??
          errorText(e, i18n.language, t('files.uploadFailed')),
      );
    } finally {
      setBusy(false);
      onUploaded();
    }
  };

  return (
    <div>
      <Group gap="xs">
        <FileButton
          onChange={upload}
          accept={ACCEPT}
          multiple
          inputProps={{ 'aria-label': `${label ?? t('files.choose')} — ${what}` }}
        >
          {(props) => (
            <Button
              {...props}
              variant="light"
              loading={busy}
              aria-label={`${label ?? t('files.choose')} — ${what}`}
            >
              {label ?? t('files.choose')}
            </Button>
          )}
        </FileButton>
        {touch && (
          <FileButton onChange={upload} accept={ACCEPT} capture="environment">
            {(props) => (
              <Button
                {...props}
                variant="default"
                disabled={busy}
                aria-label={`${t('files.camera')} — ${what}`}
              >
                {t('files.camera')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {error && (
        <Text c="#9b1c1c" size="sm" role="alert" mt={6}>
          {error}
        </Text>
      )}
    </div>
  );
}
