import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../platform/localized.ts';

/** A message in a person's inbox on the portal (the applicant sees it under "Thông báo"). */
export const notifications = pgTable(
  'notification',
  {
    id: uuid('id').primaryKey(),
    // The account it is for; null when the applicant has no account (then only e-mail goes out).
    recipientId: uuid('recipient_id'),
    kind: text('kind').notNull(), // e.g. dossier.received, dossier.supplement_requested
    title: jsonb('title').$type<LocalizedText>().notNull(),
    body: jsonb('body').$type<LocalizedText>().notNull(),
    link: text('link'), // a path on the portal, e.g. /ho-so/<id>
    subjectId: uuid('subject_id'), // the record it is about (a dossier)
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notification_recipient_idx').on(t.recipientId, t.createdAt)],
);

/**
 * Mail waiting to leave: written in the same transaction as the change that causes it, sent
 * after commit, retried with backoff. A crash between commit and send loses nothing.
 */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: uuid('id').primaryKey(),
    notificationId: uuid('notification_id').references(() => notifications.id),
    channel: text('channel').notNull(), // email
    recipient: text('recipient').notNull(), // the address
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    status: text('status').notNull(), // pending | sent | failed
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('notification_outbox_due_idx').on(t.status, t.nextAttemptAt)],
);
