import { eq, or, sql } from 'drizzle-orm';
import type { Database, Db, Tx } from '../../db/engine.ts';
import { inTransaction } from '../../db/transaction.ts';
import { appendAudit, recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, type FieldError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { UNSAFE_TEXT_MESSAGES, unsafeInLine } from '../../platform/text.ts';
import { IdentityErrors } from './errors.ts';
import { pendingRegistrationHashes } from './oidc/pending.ts';
import { checkPassword, hashPassword, verifyPassword } from './passwords.ts';
import { guardLastSystemAdmin } from './roles.ts';
import { persons } from './schema.ts';
import { personChanged } from './sessions.ts';
import {
  checkPairDelay,
  DEFAULT_SIGN_IN_LIMITS,
  recentFailuresFrom,
  type SignInLimits,
} from './sign-in-limits.ts';
import { checkCccd, normalizeEmail, normalizePhone } from './validation.ts';

export type Person = typeof persons.$inferSelect;
export type AssuranceLevel = 'level1' | 'level2';

export type PersonInput = {
  fullName: string;
  cccd?: string | null;
  dateOfBirth?: string | null;
  email?: string | null;
  phone?: string | null;
  addressCommuneCode?: string | null;
  addressDetail?: string | null;
  password?: string | null;
  /** Instead of `password`: its argon2 hash, kept from a registration waiting for verification. */
  passwordHash?: string | null;
  assuranceLevel?: AssuranceLevel;
};

const field = (name: string, vi: string, en: string): FieldError => ({ field: name, vi, en });

/** Checks and normalises what a person gives about themself; every problem is named by field. */
export function validatePerson(input: PersonInput): PersonInput {
  const errors: FieldError[] = [];
  // A tab, a newline or a U+202E override in a name is refused, not folded away: the name is
  // printed on receipts and decisions exactly as it was typed.
  for (const name of ['fullName', 'addressDetail'] as const) {
    const why = input[name] ? unsafeInLine(input[name]) : null;
    if (why) errors.push({ field: name, ...UNSAFE_TEXT_MESSAGES[why] });
  }
  const fullName = input.fullName?.trim().replace(/\s+/g, ' ') ?? '';
  if (fullName.length < 2 || fullName.length > 100) {
    errors.push(
      field('fullName', 'Họ và tên cần từ 2 đến 100 ký tự.', 'The full name needs 2 to 100 characters.'),
    );
  }
  const email = input.email ? normalizeEmail(input.email) : null;
  if (input.email && !email)
    errors.push(field('email', 'Địa chỉ email không hợp lệ.', 'The e-mail address is invalid.'));
  const phone = input.phone ? normalizePhone(input.phone) : null;
  if (input.phone && !phone) {
    errors.push(
      field(
        'phone',
        'Số điện thoại không hợp lệ (ví dụ 0912345678).',
        'The phone number is invalid (e.g. 0912345678).',
      ),
    );
  }
  if (input.dateOfBirth && !/^\d{4}-\d{2}-\d{2}$/.test(input.dateOfBirth)) {
    errors.push(
      field('dateOfBirth', 'Ngày sinh cần dạng YYYY-MM-DD.', 'The date of birth must be YYYY-MM-DD.'),
    );
  }
  const cccd = input.cccd?.trim() || null;
  if (cccd) {
    const problem = checkCccd(cccd, input.dateOfBirth);
    if (problem)
      errors.push(
        field('cccd', `Số CCCD không hợp lệ: ${viCccd(problem)}`, `Invalid citizen ID number: ${problem}.`),
      );
  }
  if (!email && !phone && !cccd) {
    errors.push(
      field(
        'email',
        'Cần ít nhất email, số điện thoại hoặc số CCCD để đăng nhập.',
        'Give at least an e-mail, a phone number or a citizen ID to sign in with.',
      ),
    );
  }
  if (input.password) {
    const problem = checkPassword(input.password, [email?.split('@')[0], phone, cccd]);
    if (problem) errors.push(field('password', problem.vi, problem.en));
  }
  if (errors.length) throw IdentityErrors.create('INVALID_INPUT', undefined, errors);
  return { ...input, fullName, email, phone, cccd };
}

function viCccd(problem: string): string {
  if (problem.startsWith('must be 12')) return 'cần đúng 12 chữ số.';
  if (problem.startsWith('the first 3'))
    return '3 chữ số đầu phải là mã tỉnh nơi đăng ký khai sinh (001–096).';
  return 'các chữ số 4–6 không khớp năm sinh.';
}

/** Which of email, phone, CCCD already belong to someone. */
async function taken(db: Db | Tx, input: PersonInput): Promise<FieldError[]> {
  const checks = [
    ['email', input.email, persons.email],
    ['phone', input.phone, persons.phone],
    ['cccd', input.cccd, persons.cccd],
  ] as const;
  const out: FieldError[] = [];
  for (const [name, value, column] of checks) {
    if (!value) continue;
    const [hit] = await db.select({ id: persons.id }).from(persons).where(eq(column, value)).limit(1);
    if (hit) out.push(field(name, 'Đã có tài khoản dùng thông tin này.', 'An account already uses this.'));
  }
  return out;
}

export type CreatePersonOptions = {
  status: 'pending' | 'active';
  actorId?: string | null;
  ip?: string | null;
};

/** Creates an account inside the caller's transaction (the audit row goes in the same one). */
export async function createPerson(tx: Tx, raw: PersonInput, opts: CreatePersonOptions): Promise<Person> {
  const input = validatePerson(raw);
  const conflicts = await taken(tx, input);
  if (conflicts.length) throw IdentityErrors.create('ALREADY_REGISTERED', undefined, conflicts);
  const [person] = await tx
    .insert(persons)
    .values({
      id: newId(),
      fullName: input.fullName,
      cccd: input.cccd ?? null,
      dateOfBirth: input.dateOfBirth ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      addressCommuneCode: input.addressCommuneCode ?? null,
      addressDetail: input.addressDetail ?? null,
      assuranceLevel: input.assuranceLevel ?? 'level1',
      passwordHash: input.passwordHash ?? (input.password ? await hashPassword(input.password) : null),
      status: opts.status,
    })
    .returning();
  await appendAudit(tx, {
    actorId: opts.actorId ?? person!.id,
    action: 'person.created',
    subjectType: 'person',
    subjectId: person!.id,
    ip: opts.ip,
    details: { status: opts.status, assuranceLevel: person!.assuranceLevel },
  });
  return person!;
}

/** A login is an e-mail, a phone number or a CCCD number. */
export async function findByLogin(db: Db, login: string): Promise<Person | null> {
  const email = normalizeEmail(login);
  const phone = normalizePhone(login);
  const cccd = /^\d{12}$/.test(login.trim()) ? login.trim() : null;
  const conditions = [
    email ? eq(persons.email, email) : undefined,
    phone ? eq(persons.phone, phone) : undefined,
    cccd ? eq(persons.cccd, cccd) : undefined,
  ].filter(Boolean);
  if (conditions.length === 0) return null;
  const [person] = await db
    .select()
    .from(persons)
    .where(or(...conditions))
    .limit(1);
  return person ?? null;
}

export async function getPerson(db: Db | Tx, id: string): Promise<Person> {
  const [person] = await db.select().from(persons).where(eq(persons.id, id));
  if (!person) throw IdentityErrors.create('PERSON_NOT_FOUND');
  return person;
}

export type LoginPolicy = {
  maxFailures: number;
  lockMinutes: number;
  limits: SignInLimits;
};

export const defaultLoginPolicy = (c: {
  LOGIN_MAX_FAILURES: number;
  LOGIN_LOCK_MINUTES: number;
}): LoginPolicy => ({
  maxFailures: c.LOGIN_MAX_FAILURES,
  lockMinutes: c.LOGIN_LOCK_MINUTES,
  limits: DEFAULT_SIGN_IN_LIMITS,
});

const minutesLeft = (until: Date) => Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));

const lockedError = (until: Date) =>
  IdentityErrors.create('ACCOUNT_LOCKED', {
    vi: `Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ${minutesLeft(until)} phút hoặc dùng "Quên mật khẩu".`,
    en: `The account is locked after too many wrong passwords. Try again in ${minutesLeft(until)} minutes, or use "Forgot password".`,
  });

/**
 * Checks a login and password. Wrong passwords count per account (the account locks for
 * lockMinutes after maxFailures), per address and account (that address waits before trying that
 * account again) and per address (its wrong answers come slowly); see sign-in-limits.ts. No
 * address is ever locked out for everyone behind it. A locked account is refused even with the
 * right password. Every outcome is in the audit trail.
 */
export async function authenticate(
  database: Database,
  attempt: { login: string; password: string; ip: string | null },
  policy: LoginPolicy,
): Promise<Person> {
  const { db } = database;
  const person = await findByLogin(db, attempt.login);
  if (person && attempt.ip) await checkPairDelay(db, attempt.ip, person.id, policy.limits);
  if (person?.lockedUntil && person.lockedUntil > new Date()) {
    await recordAudit(db, {
      actorId: person.id,
      action: 'login.refused_locked',
      subjectType: 'person',
      subjectId: person.id,
      ip: attempt.ip,
    });
    throw lockedError(person.lockedUntil);
  }
  const ok = await verifyPassword(person?.passwordHash ?? null, attempt.password);
  if (!ok) {
    if (
      attempt.ip &&
      (await recentFailuresFrom(db, attempt.ip, policy.limits)) >= policy.limits.addressSlowAfter
    )
      await new Promise((resolve) => setTimeout(resolve, policy.limits.addressDelayMs));
    if (!person) {
      // Registered, but the link in the verification mail not opened yet: say so to whoever knows
      // the password they registered with (nobody else learns that the registration exists).
      const email = normalizeEmail(attempt.login);
      for (const hash of email ? await pendingRegistrationHashes(db, email) : [])
        if (await verifyPassword(hash, attempt.password)) throw IdentityErrors.create('ACCOUNT_NOT_VERIFIED');
      await recordAudit(db, { action: 'login.failed', ip: attempt.ip, details: { reason: 'unknown_login' } });
      throw IdentityErrors.create('INVALID_CREDENTIALS');
    }
    const lockedUntil = await inTransaction(database, async (tx) => {
      const [row] = await tx
        .update(persons)
        .set({ failedLogins: sql`${persons.failedLogins} + 1` })
        .where(eq(persons.id, person.id))
        .returning({ failed: persons.failedLogins });
      await appendAudit(tx, {
        actorId: person.id,
        action: 'login.failed',
        subjectType: 'person',
        subjectId: person.id,
        ip: attempt.ip,
        details: { reason: 'wrong_password', failures: row!.failed },
      });
      if (row!.failed < policy.maxFailures) return null;
      const until = new Date(Date.now() + policy.lockMinutes * 60_000);
      await tx.update(persons).set({ lockedUntil: until, failedLogins: 0 }).where(eq(persons.id, person.id));
      await appendAudit(tx, {
        actorId: person.id,
        action: 'account.locked',
        subjectType: 'person',
        subjectId: person.id,
        ip: attempt.ip,
        details: { until: until.toISOString(), failures: row!.failed },
      });
      return until;
    });
    if (lockedUntil) throw lockedError(lockedUntil);
    throw IdentityErrors.create('INVALID_CREDENTIALS');
  }
  if (person!.status === 'disabled') throw IdentityErrors.create('ACCOUNT_DISABLED');
  if (person!.status === 'pending') throw IdentityErrors.create('ACCOUNT_NOT_VERIFIED');
  // A right password clears the wrong ones before it (nothing to write when there were none).
  if (person!.failedLogins > 0 || person!.lockedUntil)
    await db.update(persons).set({ failedLogins: 0, lockedUntil: null }).where(eq(persons.id, person!.id));
  return person!;
}

/** The last step of any successful sign-in (password + second factor, or upstream). */
export async function recordLogin(
  database: Database,
  person: Person,
  how: string,
  ip: string | null,
): Promise<void> {
  await inTransaction(database, async (tx) => {
    await tx.update(persons).set({ lastLoginAt: new Date() }).where(eq(persons.id, person.id));
    await appendAudit(tx, {
      actorId: person.id,
      action: 'login.succeeded',
      subjectType: 'person',
      subjectId: person.id,
      ip,
      details: { method: how },
    });
  });
}

export async function setPassword(
  tx: Tx,
  person: Person,
  password: string,
  actorId: string,
  ip: string | null,
): Promise<void> {
  const problem = checkPassword(password, [person.email?.split('@')[0], person.phone, person.cccd]);
  if (problem)
    throw IdentityErrors.create('WEAK_PASSWORD', problem, [field('password', problem.vi, problem.en)]);
  await tx
    .update(persons)
    .set({ passwordHash: await hashPassword(password), failedLogins: 0, lockedUntil: null })
    .where(eq(persons.id, person.id));
  personChanged(tx, person.id);
  await appendAudit(tx, {
    actorId,
    action: 'password.changed',
    subjectType: 'person',
    subjectId: person.id,
    ip,
  });
}

export async function setStatus(
  tx: Tx,
  personId: string,
  status: 'active' | 'disabled',
  actorId: string,
  ip: string | null,
): Promise<void> {
  if (status === 'disabled') await guardLastSystemAdmin(tx, personId);
  const [row] = await tx
    .update(persons)
    .set({ status })
    .where(eq(persons.id, personId))
    .returning({ id: persons.id });
  if (!row) throw IdentityErrors.create('PERSON_NOT_FOUND');
  personChanged(tx, personId);
  await appendAudit(tx, {
    actorId,
    action: status === 'disabled' ? 'person.disabled' : 'person.enabled',
    subjectType: 'person',
    subjectId: personId,
    ip,
  });
}

export async function unlock(tx: Tx, personId: string, actorId: string, ip: string | null): Promise<void> {
  await tx.update(persons).set({ lockedUntil: null, failedLogins: 0 }).where(eq(persons.id, personId));
  await appendAudit(tx, {
    actorId,
    action: 'account.unlocked',
    subjectType: 'person',
    subjectId: personId,
    ip,
  });
}

/** For a unique-constraint race between the check and the insert: the same clear 409. */
export function isUniqueViolation(e: unknown): boolean {
  const code =
    (e as { code?: string; cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code;
  return code === '23505' && !(e instanceof DomainError);
}

/** Masks personal data for lists and logs: 0912***678, 001******789, ng***@gmail.com. */
export const mask = {
  phone: (p: string | null) => (p ? `${p.slice(0, 4)}***${p.slice(-3)}` : null),
  cccd: (c: string | null) => (c ? `${c.slice(0, 3)}******${c.slice(-3)}` : null),
  email: (e: string | null) => (e ? e.replace(/^(.{1,2})[^@]*@/, '$1***@') : null),
};
