import { Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierFile } from '../api';
import { FileRow } from './FileRow';
import { UploadButton } from './UploadButton';

export interface ResultFilesProps {
  dossierId: string;
  files: DossierFile[];
  /** The handler, leader or desk may attach a result now. */
  canAttach: boolean;
  onChanged: () => void;
}

/** The electronic result (decision, certificate, licence…): needed to return a result online. */
export function ResultFiles({ dossierId, files, canAttach, onChanged }: ResultFilesProps) {
  const { t } = useTranslation('workspace');
  const [label, setLabel] = useState('');
  const results = files.filter((f) => f.purpose === 'result');
  const params = new URLSearchParams({ purpose: 'result' });
  if (label.trim()) params.set('label', label.trim());
  return (
    <Stack gap="sm" data-testid="results">
      {results.length === 0 ? (
        <Text c="dimmed">{t('files.noResult')}</Text>
      ) : (
        <ul className="ws-list">
          {results.map((f) => (
            <li key={f.id}>
              <Text size="sm" fw={600} pt={6}>
                {f.label}
              </Text>
              <FileRow file={f} />
            </li>
          ))}
        </ul>
      )}
      {canAttach && (
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('files.resultLabel')}
            placeholder={t('files.resultLabelPlaceholder')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            maxLength={300}
            style={{ flex: '1 1 16rem' }}
          />
          <UploadButton
            target={`/api/dossiers/${encodeURIComponent(dossierId)}/files?${params}`}
            what={t('files.result')}
            label={t('files.attachResult')}
            onUploaded={() => {
              setLabel('');
              onChanged();
            }}
          />
        </Group>
      )}
    </Stack>
  );
}
