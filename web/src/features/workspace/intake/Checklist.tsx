import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Checkbox.css';
import { Badge, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProcedureDocument } from '../api';
import { LongText } from '../LongText';

export interface ChecklistProps {
  documents: ProcedureDocument[];
  checked: ReadonlySet<number>;
  onToggle: (index: number, on: boolean) => void;
}

/** The procedure's components, ticked as the officer checks the papers handed over. */
export function Checklist({ documents, checked, onToggle }: ChecklistProps) {
  const { t } = useTranslation('workspace');
  if (documents.length === 0) return <Text c="dimmed">{t('files.noComponents')}</Text>;
  return (
    <ol className="ws-list" data-testid="checklist">
      {documents.map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the index is the component's number in the procedure
        <li key={i}>
          <Group gap="sm" py="sm" wrap="nowrap" align="flex-start">
            <Checkbox
              size="md"
              mt={2}
              checked={checked.has(i)}
              onChange={(e) => onToggle(i, e.currentTarget.checked)}
              aria-label={t('intake.received', { n: i + 1 })}
            />
            <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
              <LongText text={`${i + 1}. ${d.name}`} size="sm" fw={500} />
              <Group gap="xs">
                {d.required && (
                  <Badge variant="outline" color="gray.8" radius="sm" tt="none">
                    {t('files.required')}
                  </Badge>
                )}
                <Text size="xs" c="dimmed">
                  {t('files.copies', { originals: d.originals, copies: d.copies })}
                </Text>
              </Group>
            </Stack>
          </Group>
        </li>
      ))}
    </ol>
  );
}
