import { Container, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/router';
import { ApiError } from '../../../ui/api';
import { pickLocalized } from '../../../ui/localized';
import { PlaceMissing } from '../files/uploads';
import type { DossierFile } from '../model';
import { DocumentsStep } from './DocumentsStep';
import type { EFormUi, JsonSchema } from './eform/schema';
import { serverProblems, validateForm } from './eform/validate';
import { FormStep, SUMMARY_ID } from './FormStep';
import type { WizardStart } from './load';
import { ReviewStep } from './ReviewStep';
import { StepIndicator } from './StepIndicator';
import { useCommunes } from './useCommunes';
import { type DraftInput, useDraft } from './useDraft';
import { useFormState } from './useFormState';
import { WizardFooter } from './WizardFooter';

type StepId = 'form' | 'documents' | 'review';
export type Commune = { code: string; name: string };

/** The filing itself: the e-form (if the procedure has one), the documents, the review, then submit. */
export function Wizard({ start }: { start: WizardStart }) {
  const { t, i18n } = useTranslation('dossiers');
  const { procedure } = start;
  const root = procedure.eform?.schema as JsonSchema | undefined;
  const ui = (procedure.eform?.ui ?? {}) as EFormUi;
  // A commune-level procedure with no fixed authority is decided by the commune the person picks.
  const needsCommune = !procedure.competentAgencyId && procedure.levels.includes('commune');
  const communes = useCommunes(needsCommune || Boolean(root));

  const steps: StepId[] = root ? ['form', 'documents', 'review'] : ['documents', 'review'];
  const [index, setIndex] = useState(0);
  const step = steps[index]!;
  // Bumped each time a check fails, so the form step brings its error summary into view.
  const [checks, setChecks] = useState(0);
  const [commune, setCommune] = useState<Commune | null>(start.session.commune ?? null);
  const [placeError, setPlaceError] = useState<string | null>(null);
  const [files, setFiles] = useState<DossierFile[]>(start.files);
  const [busy, setBusy] = useState<'next' | 'save' | 'submit' | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const { draft, ensureDraft, saveForm, submit, refresh } = useDraft(
    procedure.code,
    start.session,
    start.draft,
  );
  const { formData, problems, setProblems, onChange, pruned } = useFormState(root, start, {
    hasDraft: Boolean(draft),
    commune,
  });
  const submitting = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const input = useCallback((): DraftInput => ({ formData: pruned(), commune }), [pruned, commune]);

  // A new step starts at its heading, for eyes and screen readers alike; a failed check at the
  // list of what to correct.
  useEffect(() => {
    void checks;
    void index;
    if (!moved.current) return;
    const summary = document.getElementById(SUMMARY_ID);
    if (summary) {
      summary.scrollIntoView({ block: 'start' });
      summary.focus({ preventScroll: true });
      return;
    }
    window.scrollTo(0, 0);
    heading.current?.focus({ preventScroll: true });
  }, [index, checks]);

  const flagChecks = () => {
    moved.current = true;
    setChecks((n) => n + 1);
  };

  const goTo = (next: number) => {
    moved.current = true;
    setFailure(null);
    setIndex(next);
  };

  /** The commune is needed before the draft exists (it decides who receives the dossier). */
  const checkPlace = (): boolean => {
    if (!needsCommune || draft || commune) return true;
    setPlaceError(t('place.required'));
    return false;
  };

  const handleFailure = (error: unknown) => {
    const e = error instanceof ApiError ? error : new ApiError(0, String(error));
    if (e.code?.endsWith('FORM_INVALID')) {
      setProblems(serverProblems(e.fieldErrors));
      flagChecks();
      if (steps[index] !== 'form') goTo(0);
    }
    const place = e.fieldMessage('communeCode', i18n.language);
    if (place) setPlaceError(place);
    setFailure(e);
  };

  const next = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || submitting.current) return;
    setFailure(null);
    if (step === 'review') return void onSubmit();
    if (step === 'form' && root) {
      const found = validateForm(root, input().formData);
      setProblems(found);
      const placeOk = checkPlace();
      if (Object.keys(found).length || !placeOk) return flagChecks();
    }
    setBusy('next');
    try {
      if (step === 'form') await saveForm(input());
      else if (!checkPlace()) return;
      else await ensureDraft(input());
      goTo(index + 1);
    } catch (error) {
      handleFailure(error);
    } finally {
      setBusy(null);
    }
  };

  const saveDraft = async () => {
    if (busy || !checkPlace()) return;
    setBusy('save');
    setFailure(null);
    try {
      await saveForm(input());
      setSavedAt(new Date());
    } catch (error) {
      handleFailure(error);
    } finally {
      setBusy(null);
    }
  };

  const onSubmit = async () => {
    // One submission at a time, whatever the mouse does: the second click of a double click is ignored.
    if (submitting.current) return;
    submitting.current = true;
    setBusy('submit');
    try {
      if (root) {
        const found = validateForm(root, input().formData);
        if (Object.keys(found).length) {
          setProblems(found);
          flagChecks();
          goTo(0);
          return;
        }
      }
      const filed = await submit(input(), Boolean(root));
      navigate(`/nop-ho-so/${encodeURIComponent(procedure.code)}?bien-nhan=${encodeURIComponent(filed.id)}`, {
        replace: true,
      });
    } catch (error) {
      handleFailure(error);
    } finally {
      submitting.current = false;
      setBusy(null);
    }
  };

  const labels = useMemo(() => steps.map((s) => t(`wizard.step.${s}`)), [steps, t]);
  const name = pickLocalized(procedure.name, i18n.language);
  const place = { needsCommune, locked: Boolean(draft), commune, communes, error: placeError };
  const setPlace = (c: Commune | null) => {
    setCommune(c);
    setPlaceError(null);
  };

  return (
    <Container size="md" py="xl" className="cqs-dossiers">
      <Stack gap="lg">
        <div>
          <Text c="dimmed" fw={600} size="sm">
            {t('wizard.kicker')}
          </Text>
          <Title order={1} fz={{ base: 24, sm: 30 }}>
            {name}
          </Title>
        </div>
        <StepIndicator labels={labels} active={index} />
        <form noValidate onSubmit={next}>
          <Stack gap="lg">
            <Title order={2} fz="h3" ref={heading} tabIndex={-1} className="cqs-step-title">
              {t('wizard.stepHeading', { n: index + 1, total: steps.length, name: labels[index] })}
            </Title>
            {step === 'form' && root && (
              <FormStep
                root={root}
                ui={ui}
                data={formData}
                problems={problems}
                prefill={start.prefill}
                communes={communes}
                onChange={onChange}
                place={place}
                onPlace={setPlace}
              />
            )}
            {step === 'documents' && (
              <DocumentsStep
                procedure={procedure}
                draft={draft}
                files={files}
                onFiles={(update) => {
                  setFiles(update);
                  void refresh().catch(() => undefined);
                }}
                ensureDraft={() => (checkPlace() ? ensureDraft(input()) : Promise.reject(new PlaceMissing()))}
                place={steps[0] === 'documents' ? place : null}
                onPlace={setPlace}
              />
            )}
            {step === 'review' && (
              <ReviewStep
                procedure={procedure}
                root={root}
                ui={ui}
                data={input().formData}
                communes={communes}
                commune={commune}
                files={files}
                onEdit={(s) => goTo(steps.indexOf(s))}
              />
            )}
            <WizardFooter
              step={step}
              canGoBack={index > 0}
              onBack={() => goTo(index - 1)}
              onSaveDraft={saveDraft}
              busy={busy}
              failure={failure}
              savedAt={savedAt}
            />
          </Stack>
        </form>
      </Stack>
    </Container>
  );
}
