import { useCallback, useEffect, useState } from 'react';
import type { FormData, JsonSchema } from './eform/schema';
import { pruneForm, setAt, withDefaults } from './eform/schema';
import type { FieldProblems } from './eform/validate';
import type { WizardStart } from './load';
import { readSession, writeSession } from './session';

/**
 * The e-form's answers and problems. A change clears that field's problem; until the draft exists,
 * the answers are kept in this tab's session storage, so a reload loses nothing.
 */
export function useFormState(
  root: JsonSchema | undefined,
  start: WizardStart,
  keep: { hasDraft: boolean; commune: { code: string; name: string } | null },
) {
  const [formData, setFormData] = useState<FormData>(() =>
    root ? (withDefaults(root, root, start.formData) as FormData) : {},
  );
  const [problems, setProblems] = useState<FieldProblems>({});
  const code = start.procedure.code;
  const { hasDraft, commune } = keep;

  useEffect(() => {
    if (hasDraft || !root) return;
    const timer = window.setTimeout(() => {
      const session = readSession(code) ?? start.session;
      writeSession(code, { ...session, formData: pruneForm(root, formData), commune: commune ?? undefined });
    }, 400);
    return () => window.clearTimeout(timer);
  }, [hasDraft, root, formData, commune, code, start.session]);

  const onChange = useCallback((path: string, value: unknown) => {
    setFormData((d) => setAt(d, path, value));
    setProblems((p) => {
      if (!p[path]) return p;
      const { [path]: _gone, ...rest } = p;
      return rest;
    });
  }, []);

  /** What is sent: the answers without empty parts. */
  const pruned = useCallback(() => (root ? pruneForm(root, formData) : {}), [root, formData]);

  return { formData, problems, setProblems, onChange, pruned };
}
