import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DossierComponent, DossierFile } from '../api';
import { LongText } from '../LongText';
import { FileRow } from './FileRow';
import { UploadButton } from './UploadButton';

export interface ComponentFilesProps {
  dossierId: string;
  components: DossierComponent[];
  files: DossierFile[];
  /** The desk may add scans now. */
  canScan: boolean;
  /** Handed in on paper (counter, post): the desk scans; otherwise it adds files. */
  paper?: boolean;
  onChanged: () => void;
}

/** The procedure's document components, each with its files (scans or uploads) and, for the desk, a scan button. */
export function ComponentFiles({
  dossierId,
  components,
  files,
  canScan,
  paper = true,
  onChanged,
}: ComponentFilesProps) {
  const { t } = useTranslation('workspace');
  if (components.length === 0) return <Text c="dimmed">{t('files.noComponents')}</Text>;
  return (
    <ol className="ws-list" data-testid="components">
      {components.map((c) => {
        const mine = files.filter((f) => f.purpose === 'component' && f.componentIndex === c.index);
        const what = t('files.componentN', { n: c.index + 1 });
        return (
          <li key={c.index} data-testid={`component-${c.index}`}>
            <Stack gap={6} py="sm">
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Text fw={700} miw="1.5rem">
                  {c.index + 1}.
                </Text>
                <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                  <LongText text={c.name} fw={500} />
                  <Group gap="xs">
                    {c.required && (
                      <Badge variant="outline" color="gray.8" radius="sm" tt="none">
                        {t('files.required')}
                      </Badge>
                    )}
                    <Text size="xs" c="dimmed">
                      {t('files.copies', { originals: c.originals, copies: c.copies })}
                    </Text>
                    <Text size="xs" fw={600} c={mine.length ? '#185a2b' : 'dimmed'} data-testid="file-count">
                      {mine.length ? t('files.fileCount', { count: mine.length }) : t('files.noFile')}
                    </Text>
                  </Group>
                </Stack>
              </Group>
              <div style={{ paddingLeft: '2rem' }}>
                {mine.map((f) => (
                  <FileRow key={f.id} file={f} />
                ))}
                {canScan && (
                  <UploadButton
                    target={`/api/dossiers/${encodeURIComponent(dossierId)}/files?component=${c.index}`}
                    what={what}
                    label={paper ? t('files.scan') : t('files.choose')}
                    onUploaded={onChanged}
                  />
                )}
              </div>
            </Stack>
          </li>
        );
      })}
    </ol>
  );
}
