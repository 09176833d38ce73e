import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdminUnit } from '../../admin-units/api';
import { componentName } from '../files/ComponentFiles';
import { fileSize } from '../format';
import type { DossierFile, ProcedureDetail } from '../model';
import { components } from './DocumentsStep';
import type { EFormUi, JsonSchema } from './eform/schema';
import { FormSummary } from './FormSummary';
import type { Commune } from './Wizard';

export interface ReviewStepProps {
  procedure: ProcedureDetail;
  root: JsonSchema | undefined;
  ui: EFormUi;
  data: Record<string, unknown>;
  communes: AdminUnit[] | undefined;
  commune: Commune | null;
  files: DossierFile[];
  onEdit: (step: 'form' | 'documents') => void;
}

/** Step 3: everything once more before filing, with a way back to each part. */
export function ReviewStep({ procedure, root, ui, data, communes, commune, files, onEdit }: ReviewStepProps) {
  const { t, i18n } = useTranslation('dossiers');
  const all = components(procedure, null).flatMap((g) => g.items);
  const filesOf = (index: number) =>
    files.filter((f) => f.purpose === 'component' && f.componentIndex === index);
  const missing = all.filter((c) => c.required && filesOf(c.index).length === 0);

  return (
    <Stack gap="md">
      <Text>{t('review.intro')}</Text>
      {commune && (
        <Text>
          {t('place.title')}: <strong>{commune.name}</strong>
        </Text>
      )}
      {root && (
        <Card withBorder radius="md" padding="md" component="section" aria-labelledby="review-form">
          <Group justify="space-between" align="center" mb="sm">
            <Title order={3} fz="h4" id="review-form">
              {t('wizard.step.form')}
            </Title>
            <Button variant="subtle" onClick={() => onEdit('form')} aria-label={t('review.editForm')}>
              {t('review.edit')}
            </Button>
          </Group>
          <FormSummary root={root} ui={ui} data={data} communes={communes} />
        </Card>
      )}
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="review-files">
        <Group justify="space-between" align="center" mb="sm">
          <Title order={3} fz="h4" id="review-files">
            {t('wizard.step.documents')}
          </Title>
          <Button variant="subtle" onClick={() => onEdit('documents')} aria-label={t('review.editFiles')}>
            {t('review.edit')}
          </Button>
        </Group>
        <dl className="cqs-summary">
          {all.map((c) => {
            const attached = filesOf(c.index);
            return (
              <div key={c.index}>
                <dt>{componentName(c.name)}</dt>
                <dd>
                  {attached.length
                    ? attached
                        .map((f) => `${f.fileName} (${fileSize(f.sizeBytes, i18n.language)})`)
                        .join(', ')
                    : c.required
                      ? t('review.missingRequired')
                      : t('review.noFile')}
                </dd>
              </div>
            );
          })}
        </dl>
      </Card>
      {missing.length > 0 && (
        <Alert color="yellow" variant="light" title={t('review.missingTitle', { count: missing.length })}>
          <Stack gap={6}>
            <List size="sm" spacing={2}>
              {missing.map((c) => (
                <List.Item key={c.index}>{componentName(c.name)}</List.Item>
              ))}
            </List>
            <Text size="sm">{t('review.missingHelp')}</Text>
          </Stack>
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t('review.afterSubmit')}
      </Text>
    </Stack>
  );
}
