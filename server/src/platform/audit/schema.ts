import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The append-only audit trail. Each row carries the hash of the previous row, so editing or
 * deleting one breaks the chain (`cqs audit verify` names the row); `seq` has no gaps, so a
 * deleted row shows as a missing number. A trigger refuses UPDATE, DELETE and TRUNCATE.
 */
export const auditLog = pgTable(
  'platform_audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(), // e.g. login.succeeded, role.granted, personal_data.read
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    ip: text('ip'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('platform_audit_log_subject_idx').on(t.subjectType, t.subjectId),
    index('platform_audit_log_actor_idx').on(t.actorId),
    // Failed logins per IP address in a recent window (the login rate limit).
    index('platform_audit_log_action_ip_idx').on(t.action, t.ip, t.at),
  ],
);
