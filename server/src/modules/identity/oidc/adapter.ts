import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Database } from '../../../db/engine.ts';
import type { Sealer } from '../../../platform/secrets.ts';
import { findClientMetadata } from '../clients.ts';

/**
 * The adapter's statements (table `identity_oidc_payload`, schema.ts), prepared by PostgreSQL once
 * per connection (`Database.prepared`): a password sign-in runs about fifteen of them, and building
 * each one's SQL through the query builder every time was a visible part of its CPU (bench/oidc.ts).
 */
const LIVE = '(expires_at IS NULL OR expires_at > now())';
const COLUMNS = 'payload, consumed_at';
const SQL = {
  upsert: `INSERT INTO identity_oidc_payload (model, id, payload, grant_id, user_code, uid, expires_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7)
    ON CONFLICT (model, id) DO UPDATE SET payload = excluded.payload, grant_id = excluded.grant_id,
      user_code = excluded.user_code, uid = excluded.uid, expires_at = excluded.expires_at`,
  find: `SELECT ${COLUMNS} FROM identity_oidc_payload WHERE model = $1 AND id = $2 AND ${LIVE}`,
  findByUid: `SELECT ${COLUMNS} FROM identity_oidc_payload WHERE model = $1 AND uid = $2 AND ${LIVE}`,
  findByUserCode: `SELECT ${COLUMNS} FROM identity_oidc_payload WHERE model = $1 AND user_code = $2 AND ${LIVE}`,
  consume: 'UPDATE identity_oidc_payload SET consumed_at = now() WHERE model = $1 AND id = $2',
  destroy: 'DELETE FROM identity_oidc_payload WHERE model = $1 AND id = $2',
  revokeByGrantId: 'DELETE FROM identity_oidc_payload WHERE grant_id = $1',
} as const;

type Row = { payload: AdapterPayload; consumed_at: Date | null };

const payloadOf = ([row]: Row[]): AdapterPayload | undefined =>
  row && {
    ...row.payload,
    ...(row.consumed_at ? { consumed: Math.floor(row.consumed_at.getTime() / 1000) } : {}),
  };

/**
 * oidc-provider's storage in PostgreSQL (both engines): one row per object and model, so every
 * app node sees the same sessions, codes and tokens. Clients come from the client registry.
 */
export function postgresAdapter(database: Database, sealer: Sealer) {
  const run = <T = unknown>(name: keyof typeof SQL, values: unknown[]) =>
    database.prepared<T>(`identity_oidc_payload_${name}`, SQL[name], values);
  return class PostgresAdapter implements Adapter {
    constructor(readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      await run('upsert', [
        this.model,
        id,
        JSON.stringify(payload),
        payload.grantId ?? null,
        payload.userCode ?? null,
        payload.uid ?? null,
        expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
      ]);
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.model === 'Client')
        return (await findClientMetadata(database.db, sealer, id)) as AdapterPayload | undefined;
      return payloadOf(await run<Row>('find', [this.model, id]));
    }

    async findByUserCode(userCode: string) {
      return payloadOf(await run<Row>('findByUserCode', [this.model, userCode]));
    }

    async findByUid(uid: string) {
      return payloadOf(await run<Row>('findByUid', [this.model, uid]));
    }

    async consume(id: string): Promise<void> {
      await run('consume', [this.model, id]);
    }

    async destroy(id: string): Promise<void> {
      await run('destroy', [this.model, id]);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await run('revokeByGrantId', [grantId]);
    }
  };
}
