import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/engine.ts';
import { inTransaction } from '../../db/transaction.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { randomToken, tokenHash } from '../../platform/secrets.ts';
import { createPerson, mask, type PersonInput, validatePerson } from './accounts.ts';
import type { IdentityContext } from './context.ts';
import { IdentityErrors } from './errors.ts';
import { dropExpiredRegistrations, putRegistration, takeRegistration } from './oidc/pending.ts';
import { hashPassword } from './passwords.ts';
import { hit, type Limit } from './rate-limits.ts';
import { persons } from './schema.ts';
import { consumeToken } from './tokens.ts';

/**
 * Self-registration of a citizen (identity level 1), verified by an e-mailed link.
 *
 * The answer is the same whether or not the e-mail, phone or CCCD already has an account, so the
 * form cannot be used to find out who has one (issue 25, finding 7). What differs goes to the
 * owner's mailbox instead: the e-mail's owner is told they already have an account; the owner of
 * a CCCD or phone given with another e-mail is told someone tried to register with it.
 *
 * Nothing is reserved until the link is opened: a registration waits, sealed, beside the sign-in
 * state, and expires with its link (24 hours), so someone who never verifies holds no CCCD.
 * Attempts are counted per address and per e-mail, phone and CCCD (429 past the limits).
 */
export const LINK_HOURS = 24;
export const REGISTRATION_LIMITS = {
  perAddress: { max: 20, windowSeconds: 3600 },
  perIdentifier: { max: 5, windowSeconds: 24 * 3600 },
};

const TOO_MANY = {
  vi: 'Quá nhiều lần đăng ký từ địa chỉ này hoặc với thông tin này; vui lòng thử lại sau.',
  en: 'Too many registrations from this address or with these details; try again later.',
};

type Sealed = Pick<
  PersonInput,
  'fullName' | 'email' | 'phone' | 'cccd' | 'dateOfBirth' | 'addressCommuneCode' | 'addressDetail'
>;

/** Counts one attempt per address and per identifier; throws 429 past the limits. */
export function countAttempt(
  db: Db,
  kind: string,
  ip: string | null,
  identifiers: (string | null | undefined)[],
) {
  const { perAddress, perIdentifier } = REGISTRATION_LIMITS;
  const limits: Limit[] = [
    ...(ip ? [{ key: `${kind}:ip:${ip}`, ...perAddress }] : []),
    ...identifiers.filter(Boolean).map((id) => ({ key: `${kind}:id:${id}`, ...perIdentifier })),
  ];
  return hit(db, limits, TOO_MANY);
}

/** Accounts (not registrations waiting) that already use this e-mail, phone or CCCD. */
async function holders(db: Db, input: PersonInput) {
  const matches = [
    input.email ? eq(persons.email, input.email) : undefined,
    input.phone ? eq(persons.phone, input.phone) : undefined,
    input.cccd ? eq(persons.cccd, input.cccd) : undefined,
  ].filter(Boolean);
  if (!matches.length) return [];
  return db
    .select()
    .from(persons)
    .where(and(ne(persons.status, 'pending'), or(...matches)));
}

export async function register(ctx: IdentityContext, raw: PersonInput, ip: string | null): Promise<void> {
  if (!raw.email) {
    throw IdentityErrors.create('INVALID_INPUT', undefined, [
      {
        field: 'email',
        vi: 'Cần email để xác minh tài khoản.',
        en: 'An e-mail is needed to verify the account.',
      },
    ]);
  }
  if (!raw.password) {
    throw IdentityErrors.create('INVALID_INPUT', undefined, [
      { field: 'password', vi: 'Cần mật khẩu.', en: 'A password is required.' },
    ]);
  }
  // Self-registration is identity level 1 whatever the form says; level 2 comes from VNeID or a counter check.
  const input = validatePerson({ ...raw, assuranceLevel: 'level1' });
  const db = ctx.database.db;
  await countAttempt(db, 'register', ip, [input.email, input.phone, input.cccd]);
  await dropExpiredRegistrations(db);
  // Hashed on every path, so the answer takes as long whether or not an account exists.
  const passwordHash = await hashPassword(input.password!);
  const existing = await holders(db, input);
  const email = input.email!;
  const site = ctx.config.publicUrl;

  const owner = existing.find((p) => p.email === email);
  if (owner) {
    await ctx.mailer.send({
      to: email,
      subject: 'Bạn đã có tài khoản Chính quyền số / You already have an account',
      text: `Xin chào ${owner.fullName},\n\nAi đó (có thể là bạn) vừa đăng ký tài khoản mới bằng địa chỉ email này. Bạn đã có tài khoản: hãy đăng nhập tại ${site}/auth/login, hoặc đặt lại mật khẩu tại ${site}/account/forgot-password nếu đã quên.\nNếu không phải bạn, hãy bỏ qua thư này; không có gì thay đổi.\n\nSomeone (perhaps you) just tried to register a new account with this e-mail. You already have one: sign in at ${site}/auth/login, or reset your password at ${site}/account/forgot-password.\nIf it was not you, ignore this message; nothing has changed.\n`,
    });
    return;
  }

  const token = randomToken();
  const data: Sealed = {
    fullName: input.fullName,
    email,
    phone: input.phone ?? null,
    cccd: input.cccd ?? null,
    dateOfBirth: input.dateOfBirth ?? null,
    addressCommuneCode: input.addressCommuneCode ?? null,
    addressDetail: input.addressDetail ?? null,
  };
  await inTransaction(ctx.database, (tx) =>
    putRegistration(
      tx,
      tokenHash(token),
      email,
      { sealed: ctx.sealer.seal(JSON.stringify(data)), passwordHash },
      LINK_HOURS,
    ),
  );
  const link = `${site}/account/verify-email?token=${token}`;
  await ctx.mailer.send({
    to: email,
    subject: 'Xác minh tài khoản Chính quyền số / Verify your account',
    text: `Xin chào ${input.fullName},\n\nHãy mở liên kết sau để kích hoạt tài khoản (hiệu lực ${LINK_HOURS} giờ):\n${link}\n\nHello, open this link to activate your account (valid ${LINK_HOURS} hours):\n${link}\n`,
  });
  // The owner of a CCCD or phone number given with another e-mail hears of it.
  for (const other of existing) {
    if (!other.email) continue;
    const what = [
      other.cccd && other.cccd === input.cccd ? ['số CCCD', 'citizen ID number'] : null,
      other.phone && other.phone === input.phone ? ['số điện thoại', 'phone number'] : null,
    ].filter((w): w is string[] => w !== null);
    if (!what.length) continue;
    await ctx.mailer.send({
      to: other.email,
      subject: 'Có người đăng ký bằng thông tin của bạn / Someone registered with your details',
      text: `Xin chào ${other.fullName},\n\nAi đó vừa đăng ký một tài khoản mới với ${what.map((w) => w[0]).join(' và ')} của bạn, bằng một email khác. Nếu là bạn: bạn đã có tài khoản (${mask.email(other.email)}), hãy đăng nhập tại ${site}/auth/login. Nếu không phải bạn, tài khoản mới sẽ không được gắn với thông tin này; hãy liên hệ bộ phận một cửa nếu cần.\n\nSomeone just registered a new account with your ${what.map((w) => w[1]).join(' and ')}, using another e-mail. If it was you, you already have an account (${mask.email(other.email)}): sign in at ${site}/auth/login. If not, the new account will not be linked to these details; contact a one-stop desk if needed.\n`,
    });
  }
}

/**
 * Never-verified accounts of the earlier registration flow give up the e-mail, phone and CCCD
 * they hold to the person who verifies them now.
 */
async function releaseUnverified(tx: Tx, input: Sealed) {
  const held = [
    input.email ? eq(persons.email, input.email) : undefined,
    input.phone ? eq(persons.phone, input.phone) : undefined,
    input.cccd ? eq(persons.cccd, input.cccd) : undefined,
  ].filter(Boolean);
  const stale = await tx
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.status, 'pending'), sql`${persons.emailVerifiedAt} IS NULL`, or(...held)));
  if (!stale.length) return;
  await tx
    .update(persons)
    .set({
      email: sql`CASE WHEN ${persons.email} = ${input.email ?? null} THEN NULL ELSE ${persons.email} END`,
      phone: sql`CASE WHEN ${persons.phone} = ${input.phone ?? null} THEN NULL ELSE ${persons.phone} END`,
      cccd: sql`CASE WHEN ${persons.cccd} = ${input.cccd ?? null} THEN NULL ELSE ${persons.cccd} END`,
    })
    .where(
      inArray(
        persons.id,
        stale.map((s) => s.id),
      ),
    );
}

/**
 * Opens the link: the account is created now, active, its e-mail verified. If meanwhile an account
 * took the e-mail, phone or CCCD, the answer names the field (the mailbox's owner asks; nobody
 * learns it without opening the link), and nothing is created.
 */
export async function verifyEmail(ctx: IdentityContext, token: string, ip: string | null): Promise<void> {
  await inTransaction(ctx.database, async (tx) => {
    const pending = await takeRegistration(tx, tokenHash(token));
    if (!pending) return verifyEarlierAccount(tx, token, ip);
    const data = JSON.parse(ctx.sealer.open(pending.sealed)) as Sealed;
    await releaseUnverified(tx, data);
    const person = await createPerson(
      tx,
      { ...data, passwordHash: pending.passwordHash, assuranceLevel: 'level1' },
      { status: 'active', ip },
    );
    await tx.update(persons).set({ emailVerifiedAt: new Date() }).where(eq(persons.id, person.id));
    await appendAudit(tx, {
      actorId: person.id,
      action: 'email.verified',
      subjectType: 'person',
      subjectId: person.id,
      ip,
    });
  });
}

/** A link of the earlier flow, which created the account pending before verification. */
async function verifyEarlierAccount(tx: Tx, token: string, ip: string | null) {
  const personId = await consumeToken(tx, token, 'verify_email');
  await tx
    .update(persons)
    .set({ status: 'active', emailVerifiedAt: new Date() })
    .where(eq(persons.id, personId));
  await appendAudit(tx, {
    actorId: personId,
    action: 'email.verified',
    subjectType: 'person',
    subjectId: personId,
    ip,
  });
}
