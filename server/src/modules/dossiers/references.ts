/**
 * Every id a dossier request names is resolved and checked for kind and scope before anything is
 * written: a deciding agency must be one that may decide the procedure at its level, a handler a
 * specialist or leader of the agency concerned, a step's target an active agency. A wrong id is a
 * 422 naming the field, never a foreign-key failure (a 500) or, worse, a write that succeeds: a
 * citizen made handler of another citizen's dossier, or a dossier routed to a desk.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/engine.ts';
import { adminUnits } from '../admin-units/schema.ts';
import { activeAgency, incompetence, incompetenceMessage } from '../catalog/competence.ts';
import type { ProcedureDetail } from '../catalog/procedures.ts';
import { persons, roleAssignments } from '../identity/schema.ts';
import { DossierErrors } from './errors.ts';
import type { DossierCommand, StepTarget } from './lifecycle.ts';

/**
 * The authority that decides a counter dossier: the catalogue's when it names one (a different id
 * in the request is refused, not silently replaced), else the one the desk chose, if that agency
 * may decide the procedure at its level.
 */
export async function competentAgencyFor(
  tx: Tx | Db,
  procedure: Pick<ProcedureDetail, 'competentAgencyId' | 'levels'>,
  requested: string | undefined,
): Promise<string> {
  const field = 'competentAgencyId';
  if (procedure.competentAgencyId) {
    if (requested && requested !== procedure.competentAgencyId)
      throw DossierErrors.create('AGENCY_NOT_COMPETENT', undefined, [
        {
          field,
          vi: 'Danh mục thủ tục đã xác định cơ quan giải quyết; bỏ trống trường này.',
          en: 'The catalogue names the deciding agency for this procedure; leave this field out.',
        },
      ]);
    return procedure.competentAgencyId;
  }
  if (!requested)
    throw DossierErrors.create('NO_AUTHORITY', undefined, [
      { field, vi: 'Chọn cơ quan giải quyết.', en: 'Choose the deciding authority.' },
    ]);
  const why = incompetence(await activeAgency(tx, requested), procedure.levels);
  if (why)
    throw DossierErrors.create(why === 'unknown' ? 'UNKNOWN_AGENCY' : 'AGENCY_NOT_COMPETENT', undefined, [
      { field, ...incompetenceMessage(why, procedure.levels) },
    ]);
  return requested;
}

/** `handlerId` must be an active specialist or leader of one of `agencyIds` (one 422 either way). */
async function checkHandler(tx: Tx, handlerId: string, agencyIds: readonly string[], field: string) {
  const [eligible] = await tx
    .select({ id: roleAssignments.personId })
    .from(roleAssignments)
    .innerJoin(persons, eq(persons.id, roleAssignments.personId))
    .where(
      and(
        eq(roleAssignments.personId, handlerId),
        inArray(roleAssignments.agencyId, [...agencyIds]),
        inArray(roleAssignments.role, ['specialist', 'leader']),
        eq(persons.status, 'active'),
      ),
    )
    .limit(1);
  if (!eligible)
    throw DossierErrors.create('HANDLER_NOT_ELIGIBLE', undefined, [
      {
        field,
        vi: 'Chọn một chuyên viên hoặc lãnh đạo đang làm việc tại cơ quan giải quyết (danh sách người được giao).',
        en: 'Choose an active specialist or leader of the deciding agency (the assignees list).',
      },
    ]);
}

/** A transfer's or consultation's target: an active agency (units inside agencies are not registered). */
async function checkTarget(tx: Tx, target: StepTarget, field: string) {
  if (target.kind !== 'agency' || !(await activeAgency(tx, target.id)))
    throw DossierErrors.create('UNKNOWN_AGENCY', undefined, [
      {
        field: `${field}.id`,
        vi: 'Chọn một cơ quan, đơn vị đang hoạt động.',
        en: 'Choose an active agency.',
      },
    ]);
}

/** Resolves and checks the ids a lifecycle command names, against the dossier it acts on. */
export async function checkCommandReferences(
  tx: Tx,
  dossier: { competentAgencyId: string },
  command: DossierCommand,
): Promise<void> {
  switch (command.type) {
    case 'assign':
      return checkHandler(tx, command.handlerId, [dossier.competentAgencyId], 'body.handlerId');
    case 'transfer':
      await checkTarget(tx, command.to, 'body.to');
      // The handler at the destination, or one of the deciding agency's own people.
      if (command.handlerId)
        await checkHandler(
          tx,
          command.handlerId,
          [dossier.competentAgencyId, command.to.id],
          'body.handlerId',
        );
      return;
    case 'consult':
      return checkTarget(tx, command.with, 'body.with');
    default:
      return;
  }
}

/** An applicant's commune, when given: a commune of the administrative map (today's or a former one). */
export async function checkCommune(tx: Tx | Db, code: string | null, field: string): Promise<void> {
  if (!code) return;
  const [unit] = await tx
    .select({ code: adminUnits.code })
    .from(adminUnits)
    .where(and(eq(adminUnits.code, code), eq(adminUnits.level, 'commune')))
    .limit(1);
  if (!unit)
    throw DossierErrors.create('UNKNOWN_COMMUNE', undefined, [
      {
        field,
        vi: 'Không có xã, phường, đặc khu với mã này.',
        en: 'No commune has this code.',
      },
    ]);
}
