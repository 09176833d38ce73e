/** What the generator needs of the seeded province: procedures, who decides them, which desk takes them in. */
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/engine.ts';
import type { LegalDuration } from '../../src/platform/calendar/index.ts';
import type { Random } from './random.ts';
import type { Staff } from './simulate.ts';

export type GenProcedure = {
  id: string;
  version: number;
  duration: LegalDuration;
  online: boolean;
  competentAgencyId: string | null;
  communeLevel: boolean;
};
type Agency = { id: string; code: string };

export type Province = {
  procedures: GenProcedure[];
  communeCodes: string[];
  staff: Staff;
  route(p: GenProcedure, rnd: Random): { competent: Agency; desk: Agency };
};

export async function loadProvince(database: Database): Promise<Province> {
  const procedures = await database.rows<{
    id: string;
    version: number;
    value: number;
    online: boolean;
    competent: string | null;
    commune: boolean;
  }>(sql`
    SELECT p.id, v.version, (v.processing_time->>'value')::float8 AS value,
      (v.online_type = 'full' AND 'online' = ANY(v.channels)) AS online,
      v.competent_agency_id AS competent, ('commune' = ANY(v.levels)) AS commune
    FROM catalog_procedure p JOIN catalog_procedure_version v ON v.procedure_id = p.id AND v.is_current
    WHERE p.enabled AND v.processing_time->>'unit' = 'working_days' AND (v.processing_time->>'value')::float8 >= 1
    ORDER BY p.code`);
  const agencies = await database.rows<{ id: string; code: string; kind: string; unit: string }>(sql`
    SELECT id, code, kind, admin_unit_code AS unit FROM identity_agency ORDER BY code`);
  const staff = await database.rows<{ login: string; id: string }>(sql`
    SELECT split_part(email, '@', 1) AS login, id FROM identity_person WHERE email LIKE '%@demo.cqs.example'`);
  const person = (login: string) => staff.find((s) => s.login === login)!.id;
  const centre = agencies.find((a) => a.kind === 'service_center')!;
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const committees = agencies.filter((a) => a.kind === 'commune_committee');
  const deskOf = new Map(agencies.filter((a) => a.kind === 'one_stop_desk').map((a) => [a.unit, a]));
  const communes = committees.filter((c) => deskOf.has(c.unit));
  return {
    procedures: procedures
      .filter((p) => p.competent !== null || p.commune)
      .map((p) => ({
        id: p.id,
        version: p.version,
        duration: { value: Math.round(p.value), unit: 'working_days' as const },
        online: p.online,
        competentAgencyId: p.competent,
        communeLevel: p.commune,
      })),
    communeCodes: communes.map((c) => c.unit),
    staff: { desk: person('motcua'), leader: person('lanhdao'), specialist: person('chuyenvien') },
    route(p, rnd) {
      if (p.competentAgencyId) return { competent: byId.get(p.competentAgencyId)!, desk: centre };
      const commune = rnd.pick(communes);
      return { competent: commune, desk: deskOf.get(commune.unit)! };
    },
  };
}
