/**
 * The Decision 766 weights and thresholds in force on a date. Law changes them, so they are rows
 * with an effective date (the DX office adds a version); the first version comes from
 * `server/seed/data/index-766.json` and is written on first use.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { desc } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/engine.ts';
import { newId } from '../../../platform/ids.ts';
import { indexConfigs } from '../schema.ts';

export const INDEX_GROUPS = ['CKMB', 'TDGQ', 'CLGQ', 'TTTT', 'MDHL', 'MDSH'] as const;
export type IndexGroup = (typeof INDEX_GROUPS)[number];

const component = z
  .object({
    max: z.number().positive().max(100),
    /** The rate at which the component reaches its max (score = min(max, max × rate / fullAt)). */
    fullAt: z.number().gt(0).max(1).optional(),
    /** TDGQ only: divide by the dossiers received in the period, or by those resolved. */
    denominator: z.enum(['received', 'resolved']).optional(),
  })
  .strict();

export const indexConfigSchema = z
  .object({
    groups: z.object(
      Object.fromEntries(
        INDEX_GROUPS.map((g) => [
          g,
          z
            .object({ max: z.number().positive().max(100), components: z.record(z.string(), component) })
            .strict(),
        ]),
      ) as Record<
        IndexGroup,
        z.ZodObject<{ max: z.ZodNumber; components: z.ZodRecord<z.ZodString, typeof component> }>
      >,
    ),
  })
  .strict();
export type IndexConfig = z.infer<typeof indexConfigSchema>;

export type IndexConfigVersion = { effectiveFrom: string; basis: string; config: IndexConfig };

const seedFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../seed/data/index-766.json',
);

async function ensureDefault(db: Db) {
  const file = JSON.parse(fs.readFileSync(seedFile, 'utf8')) as { effectiveFrom: string; basis: string };
  const config = indexConfigSchema.parse({ groups: (file as unknown as IndexConfig).groups });
  await db
    .insert(indexConfigs)
    .values({
      id: newId(),
      effectiveFrom: file.effectiveFrom,
      basis: file.basis,
      config,
      createdAt: new Date(),
    })
    .onConflictDoNothing();
}

/** Every version, newest first. */
export async function listIndexConfigs(db: Db): Promise<IndexConfigVersion[]> {
  let rows = await db.select().from(indexConfigs).orderBy(desc(indexConfigs.effectiveFrom));
  if (rows.length === 0) {
    await ensureDefault(db);
    rows = await db.select().from(indexConfigs).orderBy(desc(indexConfigs.effectiveFrom));
  }
  return rows.map((r) => ({
    effectiveFrom: r.effectiveFrom,
    basis: r.basis,
    config: indexConfigSchema.parse(r.config),
  }));
}

/** The version in force on a Vietnamese date (the period's last day). */
export async function indexConfigOn(db: Db, date: string): Promise<IndexConfigVersion> {
  const all = await listIndexConfigs(db); // newest first; a handful of rows
  // A period before the first version is scored by the first one.
  return all.find((v) => v.effectiveFrom <= date) ?? all.at(-1)!;
}

export async function addIndexConfig(
  db: Db,
  input: { effectiveFrom: string; basis: string; config: IndexConfig },
  by: string,
): Promise<boolean> {
  await listIndexConfigs(db); // the default exists before any later version
  const inserted = await db
    .insert(indexConfigs)
    .values({ id: newId(), ...input, createdAt: new Date(), createdBy: by })
    .onConflictDoNothing()
    .returning({ id: indexConfigs.id });
  return inserted.length > 0;
}
