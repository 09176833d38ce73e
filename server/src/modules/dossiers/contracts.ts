/**
 * Shapes shared by the dossier routes (and open to the web app): text checks every name and label
 * of a dossier passes, so a name with a tab, a newline or a U+202E override never gets in.
 */
import type { z } from 'zod';
import { UNSAFE_TEXT_MESSAGES, unsafeInLine, unsafeInText } from '../../platform/text.ts';

const refuse = (check: (s: string) => 'control' | 'bidi' | null) => (value: string, ctx: z.RefinementCtx) => {
  const why = check(value);
  if (why)
    ctx.addIssue({
      code: 'custom',
      message: UNSAFE_TEXT_MESSAGES[why].en,
      params: { vi: UNSAFE_TEXT_MESSAGES[why].vi },
    });
};

/** A name or a one-line label: no control characters at all, no bidi overrides or invisible marks. */
export const oneLine = (schema: z.ZodString) => schema.superRefine(refuse(unsafeInLine));

/** A longer text (a reason, a note): line breaks and tabs allowed, the rest refused as in a name. */
export const multiLine = (schema: z.ZodString) => schema.superRefine(refuse(unsafeInText));
