import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/engine.ts';
import { newId } from '../../platform/ids.ts';
import { NotificationErrors } from './errors.ts';
import { notificationOutbox, notifications } from './schema.ts';

/** Both languages are required here: a notice is read by the applicant in whichever they use. */
export type BilingualText = { vi: string; en: string };

export type NotificationInput = {
  /** The applicant's account; null for a walk-in without one (then only e-mail goes out). */
  recipientId: string | null;
  /** Where to mail it; null or unusable means inbox only. */
  email: string | null;
  /** e.g. dossier.received */
  kind: string;
  title: BilingualText;
  body: BilingualText;
  /** A path on the portal, e.g. /ho-so/<id>. */
  link: string | null;
  /** The record it is about (a dossier). */
  subjectId: string | null;
};

/**
 * Stands for the portal's address in queued mail. The row is written inside the caller's
 * transaction, which knows nothing of the deployment; the dispatcher, built from PUBLIC_URL,
 * puts the real address in when it sends (so queued mail follows a portal that moved, too).
 */
export const PORTAL_URL = '{{PORTAL_URL}}';

const MAX_SUBJECT = 250;
// Only a sanity check: an address the SMTP server would reject outright would be retried for hours.
const EMAIL = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

export function usableEmail(email: string | null | undefined): string | null {
  const trimmed = email?.trim();
  return trimmed && trimmed.length <= 254 && EMAIL.test(trimmed) ? trimmed : null;
}

/** The mail: Vietnamese first, English below, each with the link to the portal. */
export function composeMail(n: Pick<NotificationInput, 'title' | 'body' | 'link'>): {
  subject: string;
  text: string;
} {
  const subject = `${n.title.vi} / ${n.title.en}`;
  const link = n.link ? `${PORTAL_URL}${n.link}` : null;
  const text = [
    n.title.vi,
    '',
    n.body.vi,
    ...(link ? ['', `Xem chi tiết: ${link}`] : []),
    '',
    '----------',
    '',
    n.title.en,
    '',
    n.body.en,
    ...(link ? ['', `Details: ${link}`] : []),
    '',
    '--',
    'Thư gửi tự động từ hệ thống Chính quyền số, vui lòng không trả lời thư này.',
    'Sent automatically by the Chính quyền số platform; please do not reply.',
    '',
  ].join('\n');
  return { subject: subject.length > MAX_SUBJECT ? `${subject.slice(0, MAX_SUBJECT - 1)}…` : subject, text };
}

/** The rows a notification is: the inbox item (with an account) and the mail (with a usable address). */
export function notificationRows(n: NotificationInput, now: Date = new Date()) {
  const notification: typeof notifications.$inferInsert | null = n.recipientId
    ? {
        id: newId(),
        recipientId: n.recipientId,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link,
        subjectId: n.subjectId,
        createdAt: now,
      }
    : null;
  const email = usableEmail(n.email);
  const mail = email ? composeMail(n) : null;
  const outbox: typeof notificationOutbox.$inferInsert | null =
    email && mail
      ? {
          id: newId(),
          notificationId: notification?.id ?? null,
          channel: 'email',
          recipient: email,
          subject: mail.subject,
          text: mail.text,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          createdAt: now,
        }
      : null;
  return { notification, outbox };
}

/**
 * Records a notice in the caller's transaction: the inbox row (when there is an account) and the
 * mail to send (when there is an address). Both commit or vanish with the change that caused
 * them; the dispatcher sends the mail after commit.
 */
export async function enqueueNotification(
  tx: Tx,
  n: NotificationInput,
  now: Date = new Date(),
): Promise<{ notificationId: string | null; outboxId: string | null }> {
  const { notification, outbox } = notificationRows(n, now);
  if (notification) await tx.insert(notifications).values(notification);
  if (outbox) await tx.insert(notificationOutbox).values(outbox);
  return { notificationId: notification?.id ?? null, outboxId: outbox?.id ?? null };
}

export type InboxItem = typeof notifications.$inferSelect;
export type Inbox = { items: InboxItem[]; total: number; unread: number };

/** A person's notices, newest first, with how many are unread. */
export async function listInbox(
  db: Db,
  personId: string,
  page: { limit: number; offset: number },
): Promise<Inbox> {
  const mine = eq(notifications.recipientId, personId);
  const items = await db
    .select()
    .from(notifications)
    .where(mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(page.limit)
    .offset(page.offset);
  const [totals] = await db.select({ total: count() }).from(notifications).where(mine);
  const [unread] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)));
  return { items, total: totals?.total ?? 0, unread: unread?.n ?? 0 };
}

/** Marks one of the person's own notices read (the first reading time is kept). */
export async function markRead(db: Db, personId: string, id: string, now = new Date()): Promise<InboxItem> {
  const mine = and(eq(notifications.id, id), eq(notifications.recipientId, personId));
  const [updated] = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(mine, isNull(notifications.readAt)))
    .returning();
  if (updated) return updated;
  const [already] = await db.select().from(notifications).where(mine);
  if (!already) throw NotificationErrors.create('NOT_FOUND');
  return already;
}

/** Marks all of the person's unread notices read; returns how many changed. */
export async function markAllRead(db: Db, personId: string, now = new Date()): Promise<number> {
  const updated = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.recipientId, personId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return updated.length;
}
