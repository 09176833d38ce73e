import { and, eq, like } from 'drizzle-orm';
import type { Config } from '../src/config.ts';
import type { Database } from '../src/db/engine.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { createPerson } from '../src/modules/identity/accounts.ts';
import type { Role } from '../src/modules/identity/policy.ts';
import { grantRole, rolesOf } from '../src/modules/identity/roles.ts';
import { agencies, persons } from '../src/modules/identity/schema.ts';
import { seedDemoScorecards } from './scorecards.ts';

/** Demo accounts share a reserved domain, so they are easy to list and to remove. */
export const DEMO_DOMAIN = 'demo.cqs.example';
export const DEMO_PASSWORD = 'ChinhQuyenSo@2026';

type DemoOfficial = {
  name: string;
  login: string;
  role: Role;
  agency: { kind: string; province?: boolean; key?: string };
};

// One official per role, in agencies that make sense for the role.
const OFFICIALS: DemoOfficial[] = [
  { name: 'Nguyễn Thị Mai', login: 'motcua', role: 'counter_officer', agency: { kind: 'service_center' } },
  {
    name: 'Trần Văn Hùng',
    login: 'chuyenvien',
    role: 'specialist',
    agency: { kind: 'department', key: 'Sở Tư pháp' },
  },
  {
    name: 'Lê Minh Tuấn',
    login: 'lanhdao',
    role: 'leader',
    agency: { kind: 'department', key: 'Sở Tư pháp' },
  },
  {
    name: 'Phạm Thu Hà',
    login: 'quantri.so',
    role: 'agency_admin',
    agency: { kind: 'department', key: 'Sở Tư pháp' },
  },
  {
    name: 'Hoàng Đức Anh',
    login: 'chuyendoiso',
    role: 'dx_office',
    agency: { kind: 'department', key: 'Sở Khoa học và Công nghệ' },
  },
  { name: 'Vũ Quang Huy', login: 'quantri', role: 'system_admin', agency: { kind: 'committee_office' } },
  { name: 'Đỗ Thị Lan', login: 'motcua.xa', role: 'counter_officer', agency: { kind: 'one_stop_desk' } },
];

// Demo citizens; CCCDs follow the format (province-of-birth code 008 = Tuyên Quang before 2025).
const CITIZENS = [
  {
    fullName: 'Nguyễn Văn An',
    login: 'nguyenvanan',
    cccd: '008090001234',
    dateOfBirth: '1990-05-12',
    phone: '0912345678',
    assuranceLevel: 'level2' as const,
  },
  {
    fullName: 'Trần Thị Bình',
    login: 'tranthibinh',
    cccd: '008195004321',
    dateOfBirth: '1995-09-02',
    phone: '0987654321',
    assuranceLevel: 'level1' as const,
  },
];

export type DemoAccount = { email: string; name: string; roles: string[] };

/** Creates the demo accounts that do not exist yet. */
export async function seedDemoAccounts(
  database: Database,
  config: Pick<Config, 'PROVINCE_CODE'>,
): Promise<number> {
  const { db } = database;
  const all = await db.select().from(agencies).where(eq(agencies.active, true));
  const pick = (a: DemoOfficial['agency']) =>
    all.find(
      (x) =>
        x.kind === a.kind &&
        (!a.key || x.name.vi.startsWith(a.key)) &&
        (a.kind !== 'one_stop_desk' || x.adminUnitCode !== config.PROVINCE_CODE),
    );
  let created = 0;
  await inTransaction(database, async (tx) => {
    for (const o of OFFICIALS) {
      const email = `${o.login}@${DEMO_DOMAIN}`;
      const [exists] = await tx.select({ id: persons.id }).from(persons).where(eq(persons.email, email));
      const agency = pick(o.agency);
      if (exists || !agency) continue;
      const p = await createPerson(
        tx,
        { fullName: o.name, email, password: DEMO_PASSWORD },
        { status: 'active' },
      );
      await tx.update(persons).set({ emailVerifiedAt: new Date() }).where(eq(persons.id, p.id));
      await grantRole(tx, p.id, agency.id, o.role, null, null);
      created++;
    }
    for (const c of CITIZENS) {
      const email = `${c.login}@${DEMO_DOMAIN}`;
      const [exists] = await tx.select({ id: persons.id }).from(persons).where(eq(persons.email, email));
      if (exists) continue;
      const { login: _l, ...fields } = c;
      const p = await createPerson(tx, { ...fields, email, password: DEMO_PASSWORD }, { status: 'active' });
      await tx.update(persons).set({ emailVerifiedAt: new Date() }).where(eq(persons.id, p.id));
      created++;
    }
  });
  // Demo DX scorecards (illustrative figures from data/), so the ranking has two years to compare.
  await seedDemoScorecards(database);
  return created;
}

export async function listDemoAccounts(database: Database): Promise<DemoAccount[]> {
  const rows = await database.db
    .select({ id: persons.id, email: persons.email, name: persons.fullName })
    .from(persons)
    .where(and(like(persons.email, `%@${DEMO_DOMAIN}`), eq(persons.status, 'active')))
    .orderBy(persons.createdAt);
  const out: DemoAccount[] = [];
  for (const r of rows) {
    const roles = await rolesOf(database.db, r.id);
    out.push({ email: r.email!, name: r.name, roles: roles.map((x) => `${x.role} @ ${x.agencyName.vi}`) });
  }
  return out;
}
