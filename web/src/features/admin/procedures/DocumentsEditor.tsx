import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/NumberInput.css';
import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentDraft } from './draft';
import { EditorBlock } from './EditorBlock';
import type { BlockProps } from './GeneralFields';
import '../i18n';

const EMPTY: DocumentDraft = {
  name: '',
  originals: 1,
  copies: 0,
  templates: '',
  required: true,
  reusable: false,
  group: '',
};

/** The dossier's components (thành phần hồ sơ): what the applicant brings or uploads. */
export function DocumentsEditor({ draft, update, problem }: BlockProps) {
  const { t } = useTranslation('admin');
  const docs = draft.documents;
  const change = (i: number, doc: Partial<DocumentDraft>) =>
    update({ documents: docs.map((d, j) => (j === i ? { ...d, ...doc } : d)) });
  const move = (i: number, by: -1 | 1) => {
    const next = [...docs];
    const [doc] = next.splice(i, 1);
    next.splice(i + by, 0, doc!);
    update({ documents: next });
  };
  const count = (v: number | string) => (typeof v === 'number' ? v : Number(v) || 0);
  return (
    <EditorBlock title={t('procedures.blocks.documents')} intro={t('procedures.documentsIntro')}>
      {docs.length === 0 && <Text c="dimmed">{t('procedures.noDocuments')}</Text>}
      {docs.map((doc, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: components have no id; their order is the dossier's
        <Paper key={i} withBorder p="md" radius="md" component="fieldset" className="cqs-admin-fieldset">
          <legend>{t('procedures.documentN', { n: i + 1 })}</legend>
          <Stack gap="sm">
            <Textarea
              size="md"
              label={t('procedures.documentName')}
              required
              autosize
              minRows={1}
              value={doc.name}
              onChange={(e) => change(i, { name: e.currentTarget.value })}
              error={problem(`documents.${i}.name`)}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NumberInput
                size="md"
                label={t('procedures.originals')}
                min={0}
                allowDecimal={false}
                allowNegative={false}
                value={doc.originals}
                onChange={(v) => change(i, { originals: count(v) })}
                error={problem(`documents.${i}.originals`)}
              />
              <NumberInput
                size="md"
                label={t('procedures.copies')}
                min={0}
                allowDecimal={false}
                allowNegative={false}
                value={doc.copies}
                onChange={(v) => change(i, { copies: count(v) })}
                error={problem(`documents.${i}.copies`)}
              />
              <TextInput
                label={t('procedures.group')}
                description={t('procedures.groupHelp')}
                value={doc.group}
                onChange={(e) => change(i, { group: e.currentTarget.value })}
              />
            </SimpleGrid>
            <Textarea
              size="md"
              label={t('procedures.templates')}
              description={t('procedures.templatesHelp')}
              autosize
              minRows={1}
              value={doc.templates}
              onChange={(e) => change(i, { templates: e.currentTarget.value })}
            />
            <Group gap="lg">
              <Checkbox
                size="md"
                label={t('procedures.required')}
                checked={doc.required}
                onChange={(e) => change(i, { required: e.currentTarget.checked })}
              />
              <Checkbox
                size="md"
                label={t('procedures.reusable')}
                checked={doc.reusable}
                onChange={(e) => change(i, { reusable: e.currentTarget.checked })}
              />
            </Group>
            <Group gap="xs" justify="flex-end">
              <Button
                variant="default"
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={t('procedures.moveUpN', { n: i + 1 })}
              >
                {t('procedures.moveUp')}
              </Button>
              <Button
                variant="default"
                disabled={i === docs.length - 1}
                onClick={() => move(i, 1)}
                aria-label={t('procedures.moveDownN', { n: i + 1 })}
              >
                {t('procedures.moveDown')}
              </Button>
              <Button
                variant="subtle"
                color="red"
                onClick={() => update({ documents: docs.filter((_, j) => j !== i) })}
                aria-label={t('procedures.removeDocument', { n: i + 1 })}
              >
                {t('procedures.remove')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button variant="light" onClick={() => update({ documents: [...docs, { ...EMPTY }] })}>
          {t('procedures.addDocument')}
        </Button>
      </Group>
    </EditorBlock>
  );
}
