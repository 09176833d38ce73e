/**
 * The "bare" limit of the submission benchmark: Fastify + pg doing only the three inserts of a
 * submission (dossier, event, outbox mail) in one transaction, with the same row shapes as the
 * platform and the same pool size, and nothing else: no validation, session, idempotency or code.
 *
 *   DATABASE_URL=postgres://… PORT=3999 node --import tsx bench/bare/server.ts
 *   POST /submit {"procedureId","procedureVersion","applicantId","deskId","competentId","applicant","formData","state"}
 */
import Fastify from 'fastify';
import pg from 'pg';
import { v7 } from 'uuid';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_MAX ?? 10),
});
const app = Fastify({ logger: false });

type Body = {
  procedureId: string;
  procedureVersion: number;
  applicantId: string;
  deskId: string;
  competentId: string;
  applicant: Record<string, unknown>;
  formData: Record<string, unknown>;
  state: Record<string, unknown>;
};

app.get('/healthz', async () => ({ status: 'ok' }));

app.post<{ Body: Body }>('/submit', async (req, reply) => {
  const b = req.body;
  const id = v7();
  const now = new Date();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO dossier (id, procedure_id, procedure_version, channel, status, applicant_id, applicant,
         receiving_agency_id, competent_agency_id, form_data, state, idempotency_key, created_at, updated_at)
       VALUES ($1, $2, $3, 'online', 'submitted', $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
      [
        id,
        b.procedureId,
        b.procedureVersion,
        b.applicantId,
        b.applicant,
        b.deskId,
        b.competentId,
        b.formData,
        b.state,
        `bare-${id}`,
        now,
      ],
    );
    await client.query(
      `INSERT INTO dossier_event (id, dossier_id, seq, type, from_status, to_status, actor_id, at, note, due_at, data)
       VALUES ($1, $2, 1, 'submit', 'draft', 'submitted', $3, $4, NULL, NULL, $5)`,
      [v7(), id, b.applicantId, now, { channel: 'online', code: null }],
    );
    await client.query(
      `INSERT INTO notification_outbox (id, notification_id, channel, recipient, subject, text, status, attempts,
         next_attempt_at, created_at)
       VALUES ($1, NULL, 'email', 'citizen@bench.invalid', $2, $3, 'pending', 0, $4, $4)`,
      [v7(), 'Hồ sơ đã được tiếp nhận', `Hồ sơ ${id} đã được tiếp nhận.`, now],
    );
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
  return reply.status(201).send({ id });
});

await app.listen({ port: Number(process.env.PORT ?? 3999), host: '127.0.0.1' });
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, async () => {
    await app.close();
    await pool.end();
    process.exit(0);
  });
