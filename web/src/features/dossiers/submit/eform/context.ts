import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUnit } from '../../../admin-units/api';
import type { Prefill } from '../../model';
import type { EFormUi, FormData, JsonSchema } from './schema';
import type { FieldProblem, FieldProblems } from './validate';
import '../../i18n';

/** What every field of the e-form reads: the schema, the data, the problems, where values came from. */
export interface EFormState {
  root: JsonSchema;
  ui: EFormUi;
  data: FormData;
  problems: FieldProblems;
  /** The prefill as the server gave it, to tell which values are still the prefilled ones. */
  prefill: Prefill | null;
  /** The province's communes for the commune picker (undefined while loading or if it failed). */
  communes: AdminUnit[] | undefined;
  onChange: (path: string, value: unknown) => void;
}

export const EFormContext = createContext<EFormState | null>(null);

export function useEForm(): EFormState {
  const state = useContext(EFormContext);
  if (!state) throw new Error('e-form fields need an <EFormContext> above them');
  return state;
}

/** The id of a field's input, so an error summary can link to it and focus it. */
export const fieldId = (path: string) => `ef-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/** A problem in the person's language: a rule checked in the browser, or the server's words. */
export function useProblemText(): (problem: FieldProblem | undefined) => string | undefined {
  const { t, i18n } = useTranslation('dossiers');
  return (problem) => {
    if (!problem) return undefined;
    if (problem.rule === 'server') return i18n.language === 'en' ? problem.en : problem.vi;
    return t(`validation.${problem.rule}`, { limit: problem.limit ?? 0 });
  };
}
