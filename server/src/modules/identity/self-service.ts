import { eq } from 'drizzle-orm';
import { inTransaction } from '../../db/transaction.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { getPerson, setPassword } from './accounts.ts';
import type { IdentityContext } from './context.ts';
import { IdentityErrors } from './errors.ts';
import { countAttempt } from './registration.ts';
import { persons } from './schema.ts';
import { endSignInsAfterPasswordChange } from './sessions.ts';
import { consumeToken, issueToken } from './tokens.ts';
import { normalizeEmail } from './validation.ts';

/**
 * What a citizen does without an official: reset a forgotten password (registration is in
 * registration.ts). Mails leave after the transaction commits.
 */

/** Always answers the same way, so the form does not reveal which e-mails have accounts. */
export async function requestPasswordReset(
  ctx: IdentityContext,
  email: string,
  ip: string | null,
): Promise<void> {
  const normalized = normalizeEmail(email);
  if (!normalized) {
    throw IdentityErrors.create('INVALID_INPUT', undefined, [
      { field: 'email', vi: 'Địa chỉ email không hợp lệ.', en: 'The e-mail address is invalid.' },
    ]);
  }
  // Counted before looking the e-mail up, so the limit says nothing about whether it has an account.
  await countAttempt(ctx.database.db, 'password-reset', ip, [normalized]);
  const [person] = await ctx.database.db.select().from(persons).where(eq(persons.email, normalized));
  if (!person || person.status === 'disabled') return;
  const token = await inTransaction(ctx.database, async (tx) => {
    await appendAudit(tx, {
      actorId: person.id,
      action: 'password.reset_requested',
      subjectType: 'person',
      subjectId: person.id,
      ip,
    });
    return issueToken(tx, person.id, 'reset_password');
  });
  const link = `${ctx.config.publicUrl}/account/reset-password?token=${token}`;
  await ctx.mailer.send({
    to: normalized,
    subject: 'Đặt lại mật khẩu Chính quyền số / Reset your password',
    text: `Xin chào ${person.fullName},\n\nMở liên kết sau để đặt mật khẩu mới (hiệu lực 30 phút, dùng một lần):\n${link}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này.\n\nOpen this link to choose a new password (valid 30 minutes, once):\n${link}\n`,
  });
}

/**
 * Sets the new password; it also unlocks the account and ends every session, as a change of
 * password does: someone who had the old one is signed out (issue 25, finding 10).
 */
export async function resetPassword(
  ctx: IdentityContext,
  token: string,
  password: string,
  ip: string | null,
): Promise<void> {
  await inTransaction(ctx.database, async (tx) => {
    const personId = await consumeToken(tx, token, 'reset_password');
    const person = await getPerson(tx, personId);
    await setPassword(tx, person, password, personId, ip);
    await endSignInsAfterPasswordChange(tx, personId, null, ip);
    // Reaching the mailbox proves the e-mail, so a pending account becomes active.
    if (person.status === 'pending') {
      await tx
        .update(persons)
        .set({ status: 'active', emailVerifiedAt: new Date() })
        .where(eq(persons.id, personId));
    }
  });
}
