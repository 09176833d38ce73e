import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/engine.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/ids.ts';
import { IdentityErrors } from './errors.ts';
import { organizations, representatives } from './schema.ts';
import { checkTaxCode } from './validation.ts';

export type Organization = typeof organizations.$inferSelect & { title: string | null };

/**
 * A business or organisation a citizen acts for. The one who registers it becomes its first
 * representative; the tax code is unique, so a second registration of the same code is refused
 * (the business's existing representatives add others).
 */
export async function registerOrganization(
  tx: Tx,
  input: { taxCode: string; name: string; addressCommuneCode?: string | null; title?: string | null },
  personId: string,
  ip: string | null,
): Promise<Organization> {
  const taxCode = input.taxCode.trim();
  const name = input.name.trim().replace(/\s+/g, ' ');
  const errors = [];
  const problem = checkTaxCode(taxCode);
  if (problem)
    errors.push({
      field: 'taxCode',
      vi: `Mã số thuế không hợp lệ: ${viTax(problem)}`,
      en: `Invalid tax code: ${problem}.`,
    });
  if (name.length < 2 || name.length > 300)
    errors.push({
      field: 'name',
      vi: 'Tên cần từ 2 đến 300 ký tự.',
      en: 'The name needs 2 to 300 characters.',
    });
  if (errors.length) throw IdentityErrors.create('INVALID_INPUT', undefined, errors);
  const [exists] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.taxCode, taxCode));
  if (exists) {
    throw IdentityErrors.create('ALREADY_REGISTERED', undefined, [
      {
        field: 'taxCode',
        vi: 'Mã số thuế này đã được đăng ký; người đại diện hiện có có thể thêm bạn.',
        en: 'This tax code is registered; its current representatives can add you.',
      },
    ]);
  }
  const [org] = await tx
    .insert(organizations)
    .values({ id: newId(), taxCode, name, addressCommuneCode: input.addressCommuneCode ?? null })
    .returning();
  await tx.insert(representatives).values({ organizationId: org!.id, personId, title: input.title ?? null });
  await appendAudit(tx, {
    actorId: personId,
    action: 'organization.registered',
    subjectType: 'organization',
    subjectId: org!.id,
    ip,
    details: { taxCode },
  });
  return { ...org!, title: input.title ?? null };
}

function viTax(problem: string): string {
  if (problem.startsWith('the check digit')) return 'chữ số kiểm tra không khớp.';
  return 'cần 10 chữ số, 10 chữ số-3 chữ số (chi nhánh) hoặc 12 chữ số (cá nhân).';
}

/** The organisations a person represents. */
export async function organizationsOf(db: Db | Tx, personId: string): Promise<Organization[]> {
  const rows = await db
    .select({ org: organizations, title: representatives.title })
    .from(representatives)
    .innerJoin(organizations, eq(organizations.id, representatives.organizationId))
    .where(eq(representatives.personId, personId))
    .orderBy(organizations.name);
  return rows.map((r) => ({ ...r.org, title: r.title }));
}
