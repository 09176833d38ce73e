import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { inTransaction } from '../../db/transaction.ts';
import { cachedVersionOf, getProcedure } from '../catalog/procedures.ts';
import type { Auth } from '../identity/web-session.ts';
import { prefillFromProfile } from './eform.ts';
import { DossierErrors } from './errors.ts';
import { dossierFiles, dossiers } from './schema.ts';
import { checkText, type DossierContext, lockRow } from './service.ts';

type Row = typeof dossiers.$inferSelect;

/** The applicant keeps filling in a draft; only the applicant, only while it is a draft. */
export async function updateDraft(
  ctx: DossierContext,
  auth: Auth,
  dossierId: string,
  formData: Record<string, unknown>,
): Promise<Row> {
  return inTransaction(ctx.database, async (tx) => {
    const row = await lockRow(tx, dossierId);
    if (row.applicantId !== auth.actor.personId) throw DossierErrors.create('NOT_FOUND');
    if (row.status !== 'draft') throw DossierErrors.create('NOT_A_DRAFT');
    checkText(formData);
    const now = new Date();
    const [updated] = await tx
      .update(dossiers)
      .set({ formData, updatedAt: now })
      .where(eq(dossiers.id, row.id))
      .returning();
    return updated!;
  });
}

export type PrefillSource = { path: string; from: 'profile' | 'dossier'; dossierCode: string | null };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `over` wins field by field, objects merged deeply. */
function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [k, v] of Object.entries(over)) {
    out[k] = isObject(v) && isObject(out[k]) ? merge(out[k] as Record<string, unknown>, v) : v;
  }
  return out;
}

/**
 * Once-only: the e-form of a new dossier filled from what the platform already knows — the
 * person's profile (verified identity data wins) and the last dossier they filed for the same
 * procedure, or, failing that, the declarant part of their last dossier of any procedure.
 */
export async function prefill(ctx: DossierContext, auth: Auth, procedureCode: string) {
  const procedure = await getProcedure(ctx.database.db, procedureCode);
  const { person } = auth;
  const sources: PrefillSource[] = [];
  if (!procedure.eform) return { formData: {}, sources, hasForm: false };
  const own = and(eq(dossiers.applicantId, person.id), isNotNull(dossiers.code));
  const [same] = await ctx.database.db
    .select({ code: dossiers.code, formData: dossiers.formData })
    .from(dossiers)
    .where(and(own, eq(dossiers.procedureId, procedure.procedureId)))
    .orderBy(desc(dossiers.createdAt))
    .limit(1);
  let formData: Record<string, unknown> = {};
  if (same) {
    formData = structuredClone(same.formData);
    for (const key of Object.keys(formData))
      sources.push({ path: key, from: 'dossier', dossierCode: same.code });
  } else {
    const [other] = await ctx.database.db
      .select({ code: dossiers.code, declarant: sql<unknown>`${dossiers.formData}->'declarant'` })
      .from(dossiers)
      .where(and(own, sql`jsonb_typeof(${dossiers.formData}->'declarant') = 'object'`))
      .orderBy(desc(dossiers.createdAt))
      .limit(1);
    if (other && isObject(other.declarant)) {
      formData = { declarant: other.declarant };
      sources.push({ path: 'declarant', from: 'dossier', dossierCode: other.code });
    }
  }
  const profile = {
    fullName: person.fullName,
    cccd: person.cccd,
    phone: person.phone,
    email: person.email,
    dateOfBirth: person.dateOfBirth,
    addressCommuneCode: person.addressCommuneCode,
    addressDetail: person.addressDetail,
  };
  const fromProfile = prefillFromProfile(procedure.eform, profile);
  formData = merge(formData, fromProfile.data);
  for (const path of fromProfile.filled) sources.push({ path, from: 'profile', dossierCode: null });
  return { formData, sources, hasForm: true };
}

/** The procedure's document components with the files attached to each so far. */
export async function componentsOf(ctx: DossierContext, row: Row, opts: { justCreated?: boolean } = {}) {
  const version = await cachedVersionOf(ctx.database.db, row);
  // A dossier made by this very request has no files yet: one read less on every submission.
  const files = opts.justCreated
    ? []
    : await ctx.database.db
        .select({ index: dossierFiles.componentIndex, reused: dossierFiles.reusedFromId })
        .from(dossierFiles)
        .where(and(eq(dossierFiles.dossierId, row.id), eq(dossierFiles.purpose, 'component')));
  return {
    procedureCode: version?.code ?? '',
    procedureName: version?.name ?? { vi: '' },
    components: (version?.documents ?? []).map((d, index) => ({
      index,
      name: d.name,
      required: d.required,
      reusable: d.reusable,
      originals: d.originals,
      copies: d.copies,
      files: files.filter((f) => f.index === index).length,
    })),
  };
}
