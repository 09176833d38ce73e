import { Alert, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUnit } from '../../admin-units/api';
import type { Prefill } from '../model';
import { ErrorSummary, type SummaryItem } from './ErrorSummary';
import { EFormContext, type EFormState, fieldId, useProblemText } from './eform/context';
import { EForm } from './eform/EForm';
import { displayOrder, type EFormUi, type FormData, type JsonSchema, pathLabel } from './eform/schema';
import type { FieldProblems } from './eform/validate';
import { PLACE_FIELD_ID, PlacePicker, type PlaceProps } from './PlacePicker';
import type { Commune } from './Wizard';

export const SUMMARY_ID = 'wizard-errors';

export interface FormStepProps {
  root: JsonSchema;
  ui: EFormUi;
  data: FormData;
  problems: FieldProblems;
  prefill: Prefill | null;
  communes: AdminUnit[] | undefined;
  onChange: (path: string, value: unknown) => void;
  place: PlaceProps;
  onPlace: (c: Commune | null) => void;
}

/** Step 1: where to file (commune procedures) and the procedure's e-form, prefilled once-only. */
export function FormStep(props: FormStepProps) {
  const { t, i18n } = useTranslation('dossiers');
  const problemText = useProblemText();
  const { root, ui, data, problems, prefill, communes, onChange, place, onPlace } = props;
  const state = useMemo<EFormState>(
    () => ({ root, ui, data, problems, prefill, communes, onChange }),
    [root, ui, data, problems, prefill, communes, onChange],
  );

  const items: SummaryItem[] = [];
  if (place.error) items.push({ target: PLACE_FIELD_ID, text: `${t('place.label')}: ${place.error}` });
  const order = displayOrder(root, ui, data);
  const rank = (path: string) => {
    const i = order.indexOf(path);
    return i < 0 ? order.length : i;
  };
  const sorted = Object.entries(problems).sort(([a], [b]) => rank(a) - rank(b));
  for (const [path, problem] of sorted) {
    const name = pathLabel(root, path, i18n.language);
    items.push({ target: fieldId(path), text: `${name}: ${problemText(problem)}` });
  }

  const fromDossier = prefill?.sources.find((s) => s.from === 'dossier');
  const fromProfile = prefill?.sources.some((s) => s.from === 'profile');

  return (
    <Stack gap="lg">
      <ErrorSummary id={SUMMARY_ID} title={t('wizard.errorSummary', { count: items.length })} items={items} />
      {(fromProfile || fromDossier) && (
        <Alert color="teal" variant="light" data-testid="prefill-notice">
          <Text size="sm">
            {fromDossier
              ? t('eform.prefilledBoth', { code: fromDossier.dossierCode ?? '' })
              : t('eform.prefilledProfile')}
          </Text>
        </Alert>
      )}
      {place.needsCommune && <PlacePicker {...place} onChange={onPlace} />}
      <Text size="sm" c="dimmed">
        {t('eform.requiredNote')}
      </Text>
      <EFormContext value={state}>
        <EForm />
      </EFormContext>
    </Stack>
  );
}
