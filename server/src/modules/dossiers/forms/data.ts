/** Everything a dossier form prints, gathered from the dossier, its events, the catalogue and identity. */
import { eq } from 'drizzle-orm';
import { type AdminUnitDetail, getAdminUnit } from '../../admin-units/service.ts';
import { getProcedure, type ProcedureDetail } from '../../catalog/procedures.ts';
import { procedures } from '../../catalog/schema.ts';
import { getPerson } from '../../identity/accounts.ts';
import { agencies } from '../../identity/schema.ts';
import type { dossierEvents, dossiers } from '../schema.ts';
import { type DossierContext, timeline } from '../service.ts';

export type DossierRow = typeof dossiers.$inferSelect;
export type EventRow = typeof dossierEvents.$inferSelect;

export type AgencyInfo = {
  name: string;
  /** The governing body printed above the agency's name (cơ quan chủ quản), if any. */
  parentName: string | null;
  /** The place name of the place-and-date line. */
  place: string;
};

export type FormData = {
  dossier: DossierRow;
  procedure: ProcedureDetail;
  events: EventRow[];
  receiving: AgencyInfo;
  competent: AgencyInfo;
  applicantAddress: string | null;
  /** The public tracking page of the dossier (null before it has a code). */
  trackingUrl: string | null;
  contactPhone: string | null;
  personName(id: string | null): Promise<string | null>;
};

async function adminUnit(ctx: DossierContext, code: string | null): Promise<AdminUnitDetail | null> {
  if (!code) return null;
  try {
    return await getAdminUnit(ctx.database.db, code);
  } catch {
    return null; // an address code no longer on the map still prints its free-text part
  }
}

/**
 * Decree 30/2020: the place is the administrative unit where the agency sits: the province's name
 * for provincial bodies ("Tuyên Quang"), the commune's for a commune's ("Minh Xuân"; a numbered
 * ward keeps its type word, "Phường 1").
 */
function placeOf(unit: AdminUnitDetail | null): string {
  if (!unit) return '';
  return /^\d+$/.test(unit.shortName) ? unit.name : unit.shortName;
}

async function agencyInfo(ctx: DossierContext, id: string): Promise<AgencyInfo> {
  const { db } = ctx.database;
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, id));
  if (!agency) return { name: '', parentName: null, place: '' };
  const [parent] = agency.parentId
    ? await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, agency.parentId))
    : [];
  return {
    name: agency.name.vi,
    parentName: parent?.name.vi ?? null,
    place: placeOf(await adminUnit(ctx, agency.adminUnitCode)),
  };
}

export async function loadFormData(ctx: DossierContext, dossier: DossierRow): Promise<FormData> {
  const { db } = ctx.database;
  const [proc] = await db
    .select({ code: procedures.code })
    .from(procedures)
    .where(eq(procedures.id, dossier.procedureId));
  const [procedure, events, receiving, competent, commune] = await Promise.all([
    getProcedure(db, proc!.code, dossier.procedureVersion),
    timeline(ctx, dossier.id),
    agencyInfo(ctx, dossier.receivingAgencyId),
    agencyInfo(ctx, dossier.competentAgencyId),
    adminUnit(ctx, dossier.applicant.addressCommuneCode),
  ]);
  const province = commune?.parent?.name ?? null;
  const address = [dossier.applicant.addressDetail, commune?.name, province]
    .map((p) => p?.trim())
    .filter((p): p is string => !!p);
  const names = new Map<string, string | null>();
  return {
    dossier,
    procedure,
    events,
    receiving,
    competent,
    applicantAddress: address.length ? address.join(', ') : null,
    trackingUrl: dossier.code
      ? `${ctx.config.publicUrl}/tra-cuu?ma=${encodeURIComponent(dossier.code)}`
      : null,
    contactPhone: ctx.config.SITE_CONTACT_PHONE ?? null,
    async personName(id) {
      if (!id) return null;
      if (!names.has(id))
        names.set(
          id,
          await getPerson(db, id)
            .then((p) => p.fullName)
            .catch(() => null),
        );
      return names.get(id)!;
    },
  };
}
