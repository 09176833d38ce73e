import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/engine.ts';
import { auditLog } from './schema.ts';

export type AuditEntry = {
  actorId?: string | null;
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
};

const GENESIS = '0'.repeat(64);
// One lock id for "appending to the audit chain": concurrent writers queue here so seq and
// prev_hash always follow the row before.
const CHAIN_LOCK = 7_261_001;

/** JSON with object keys sorted at every depth: the same data always gives the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

type Row = typeof auditLog.$inferSelect;

function hashOf(row: Omit<Row, 'hash'>): string {
  const content = {
    seq: row.seq,
    at: new Date(row.at).toISOString(),
    actorId: row.actorId ?? null,
    action: row.action,
    subjectType: row.subjectType ?? null,
    subjectId: row.subjectId ?? null,
    ip: row.ip ?? null,
    details: row.details,
    prevHash: row.prevHash,
  };
  return createHash('sha256').update(canonical(content)).digest('hex');
}

/** Appends one entry; call it inside the transaction of the change it records. */
export async function appendAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    actorId: entry.actorId ?? null,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? {},
    prevHash: last?.hash ?? GENESIS,
  };
  await tx.insert(auditLog).values({ ...row, hash: hashOf(row) });
}

/** Appends in a transaction of its own, for events that change nothing else (a failed login). */
export function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  return db.transaction((tx) => appendAudit(tx, entry));
}

export type AuditVerdict =
  | { ok: true; rows: number }
  | { ok: false; rows: number; seq: number; problem: 'edited' | 'deleted' | 'chain_broken' };

/** Walks the whole chain; the first row whose content, number or link does not fit is named. */
export async function verifyAudit(db: Db): Promise<AuditVerdict> {
  let expectedSeq = 1;
  let prevHash = GENESIS;
  let rows = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(5000);
    if (batch.length === 0) return { ok: true, rows };
    for (const row of batch) {
      if (row.seq !== expectedSeq) return { ok: false, rows, seq: expectedSeq, problem: 'deleted' };
      const { hash, ...content } = row;
      if (hashOf(content) !== hash) return { ok: false, rows, seq: row.seq, problem: 'edited' };
      if (row.prevHash !== prevHash) return { ok: false, rows, seq: row.seq, problem: 'chain_broken' };
      prevHash = hash;
      expectedSeq++;
      rows++;
    }
  }
}
