/**
 * What a system admin may write into a procedure (PATCH /api/catalog/procedures/{code}). Every
 * value here is read later by someone else: the desk computes due dates from the processing time,
 * citizens' forms are validated against the e-form, receipts print the names. A value they cannot
 * use is refused here, naming the field, instead of breaking each dossier filed afterwards (a
 * processing time the calendar cannot count, an e-form that does not compile: a 500 on every
 * filing; a name of 200,000 characters: a receipt that takes minutes to lay out).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { z } from 'zod';
import { UNSAFE_TEXT_MESSAGES, unsafeInLine } from '../../platform/text.ts';

/** The national catalogue's longest procedure name is about 1,100 characters. */
const NAME_MAX = 2000;

const line = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((text, ctx) => {
      const why = unsafeInLine(text);
      if (why)
        ctx.addIssue({
          code: 'custom',
          message: UNSAFE_TEXT_MESSAGES[why].en,
          params: { vi: UNSAFE_TEXT_MESSAGES[why].vi },
        });
    });

const nameInput = z.object({ vi: line(NAME_MAX).min(1), en: line(NAME_MAX).optional() });

/**
 * The longest period each unit may state, and whether it must be whole: the law counts whole days
 * and months (0.5 working days is the one fraction it uses), and due dates stay years, not
 * millennia, ahead (the calendar knows holidays up to 2199).
 */
const DURATION_LIMITS = {
  working_days: { max: 1000, whole: true },
  days: { max: 3650, whole: true },
  working_hours: { max: 2000, whole: false },
  hours: { max: 2000, whole: false },
  months: { max: 120, whole: true },
  years: { max: 10, whole: true },
} as const;

const durationInput = z
  .object({
    value: z.number(),
    unit: z.enum(Object.keys(DURATION_LIMITS) as (keyof typeof DURATION_LIMITS)[]),
  })
  .superRefine(({ value, unit }, ctx) => {
    const limit = DURATION_LIMITS[unit];
    // Same-day (0) and half-day (0.5) procedures exist in working days; other units start at one.
    const zeroAllowed = unit === 'working_days';
    const whole = limit.whole && !(unit === 'working_days' && value === 0.5);
    const ok =
      Number.isFinite(value) &&
      value <= limit.max &&
      (zeroAllowed ? value >= 0 : value > 0) &&
      (!whole || Number.isInteger(value));
    if (!ok)
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `must be ${whole ? 'a whole number' : 'a number'} from ${zeroAllowed ? 0 : 'more than 0'} to ${limit.max} for ${unit}${unit === 'working_days' ? ' (or 0.5)' : ''}`,
        params: {
          vi: `Thời hạn theo đơn vị ${unit} phải là ${whole ? 'số nguyên' : 'số'} từ ${zeroAllowed ? 0 : 'lớn hơn 0'} đến ${limit.max}${unit === 'working_days' ? ' (hoặc 0,5)' : ''}.`,
        },
      });
  });

const feeInput = z.object({ label: line(500), amountVnd: z.number().int().min(0).max(1_000_000_000_000) });

const documentInput = z.object({
  name: z.string().min(1).max(2000),
  originals: z.number().int().min(0).max(100),
  copies: z.number().int().min(0).max(100),
  templates: z.array(z.string().max(500)).max(50),
  required: z.boolean(),
  reusable: z.boolean(),
  group: z.string().max(500).nullable(),
});

// Compiled as the dossiers module compiles it to check a citizen's form (JSON Schema 2020-12, not
// strict, formats known): a schema that fails here would fail every filing of the procedure.
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });

const eformInput = z
  .object({
    schema: z.record(z.string(), z.unknown()),
    ui: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((eform, ctx) => {
    const { $schema: _ignored, ...schema } = eform.schema;
    // One validator compiles the e-forms of every procedure: an `$id` in one would clash with the
    // same `$id` in another (a 500 on filing), and `$async` would make the check a promise nobody awaits.
    let problem = keywordIn(schema, ['$id', '$async']);
    if (problem === null)
      try {
        ajv.compile(schema);
      } catch (e) {
        problem = (e as Error).message.slice(0, 300);
      } finally {
        // Only a check: the validator keeps nothing compiled here.
        ajv.removeSchema(schema);
      }
    if (problem !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['schema'],
        message: `is not a JSON Schema a form can be checked against: ${problem}`,
        params: { vi: `Không phải JSON Schema dùng được để kiểm tra tờ khai: ${problem}` },
      });
  });

/** The first of `keywords` used anywhere in a schema, as a sentence, or null. */
function keywordIn(schema: unknown, keywords: string[], depth = 0): string | null {
  if (schema === null || typeof schema !== 'object' || depth > 64) return null;
  for (const [key, value] of Object.entries(schema)) {
    if (keywords.includes(key)) return `the keyword ${key} is not allowed in an e-form`;
    const inner = keywordIn(value, keywords, depth + 1);
    if (inner) return inner;
  }
  return null;
}

/** The body of a procedure edit: every field optional, each checked as what uses it needs. */
export const procedureEditSchema = z
  .object({
    name: nameInput,
    onlineType: z.enum(['full', 'partial']),
    partialReason: z.string().max(2000).nullable(),
    processingTime: durationInput.nullable(),
    fees: z.array(feeInput).max(50),
    level2FeeWaived: z.boolean(),
    documents: z.array(documentInput).max(200),
    eform: eformInput.nullable(),
    competentAgencyId: z.uuid().nullable(),
    resultType: z.enum(['paper', 'electronic', 'both', 'unknown']),
  })
  .partial()
  .strict()
  .refine((b) => b.onlineType !== 'partial' || (b.partialReason ?? '').trim().length > 0, {
    message: 'a partial online service must publish its reason',
    path: ['partialReason'],
  });
