import { z } from 'zod';

/** `{ vi, en? }`: every text a province may want in two languages. */
export const localizedTextSchema = z
  .object({ vi: z.string(), en: z.string().optional() })
  .meta({ id: 'LocalizedText' });
