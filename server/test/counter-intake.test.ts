import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { useApp } from './support/app.ts';
import { describeEachEngine } from './support/databases.ts';
import { useDemoSessions } from './support/demo.ts';

const PROCEDURE = '1.000426'; // Cấp thẻ tư vấn viên pháp luật: Sở Tư pháp

describeEachEngine('counter intake under load: one desk, many receipts at once', { seed: true }, (ctx) => {
  const h = useApp(ctx);
  const { as, agencies, ids } = useDemoSessions(ctx, h, ['motcua', 'nguyenvanan']);
  const intake = (i: number, extra: Record<string, unknown> = {}) =>
    as('motcua', {
      method: 'POST',
      url: '/api/dossiers/counter',
      payload: {
        procedureCode: PROCEDURE,
        channel: 'direct',
        deskAgencyId: agencies.motcua,
        applicant: {
          fullName: `Người nộp số ${i}`,
          cccd: null,
          phone: '0912345678',
          email: `khach${i}@example.vn`,
          addressCommuneCode: null,
          addressDetail: null,
        },
        formData: {},
        ...extra,
      },
    });

  it('gives 120 concurrent receipts 120 consecutive codes, each told in its own mail and event', async () => {
    const results = await Promise.all(Array.from({ length: 120 }, (_, i) => intake(i)));
    expect(results.filter((r) => r.statusCode !== 201).map((r) => r.body)).toEqual([]);
    const codes = results.map((r) => r.json().code as string);
    const numbers = codes.map((c) => Number(c.split('-').at(-1))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 120 }, (_, i) => numbers[0]! + i));
    const rows = await ctx.database.rows<{ code: string; event_code: string; subject: string }>(sql`
      SELECT d.code, e.data->>'code' AS event_code, o.subject
        FROM dossier d
        JOIN dossier_event e ON e.dossier_id = d.id AND e.type = 'receive'
        JOIN notification_outbox o ON o.recipient = d.applicant->>'email'
       WHERE d.code IN ${codes}`);
    expect(rows).toHaveLength(120);
    for (const r of rows) {
      expect(r.event_code).toBe(r.code);
      expect(r.subject).toContain(r.code);
    }
  });

  it('takes no number for a refused receipt: the next one has the following code', async () => {
    const before = (await intake(1000)).json().code as string;
    const refused = await intake(1001, { competentAgencyId: ids.nguyenvanan });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(refused.statusCode).toBeLessThan(500);
    const after = (await intake(1002)).json().code as string;
    expect(Number(after.split('-').at(-1))).toBe(Number(before.split('-').at(-1)) + 1);
  });
});
