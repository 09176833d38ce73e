import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierFile } from '../api';
import { formatDateTime, formatSize } from '../format';

/** One file of a dossier: its name, a preview shown in place (PDF or image), and a download. */
export function FileRow({ file }: { file: DossierFile }) {
  const { t, i18n } = useTranslation('workspace');
  const [open, setOpen] = useState(false);
  const isImage = file.contentType.startsWith('image/');
  return (
    <Stack gap={6} py={6}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <div style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Text size="sm" fw={500}>
            {file.fileName}
          </Text>
          <Text size="xs" c="dimmed">
            {formatSize(file.sizeBytes)} ·{' '}
            {t('files.uploadedAt', { time: formatDateTime(file.uploadedAt, i18n.language) })}
          </Text>
        </div>
        <Group gap="xs">
          <Button
            variant="subtle"
            size="sm"
            mih={40}
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-label={`${open ? t('files.hide') : t('files.preview')}: ${file.fileName}`}
          >
            {open ? t('files.hide') : t('files.preview')}
          </Button>
          <Anchor
            href={`${file.url}?download=1`}
            size="sm"
            download={file.fileName}
            aria-label={`${t('files.download')}: ${file.fileName}`}
          >
            {t('files.download')}
          </Anchor>
        </Group>
      </Group>
      {open &&
        (isImage ? (
          <img
            src={file.url}
            alt={t('files.imageAlt', { name: file.fileName })}
            className="ws-preview-image"
          />
        ) : (
          <object data={file.url} type="application/pdf" className="ws-preview" aria-label={file.fileName}>
            <Text p="md" size="sm">
              {t('files.noInlinePdf')}{' '}
              <Anchor href={file.url} target="_blank" rel="noopener">
                {t('files.openNewTab')}
              </Anchor>
            </Text>
          </object>
        ))}
    </Stack>
  );
}
