import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { useApp } from './support/app.ts';
import { describeEachEngine } from './support/databases.ts';
import { useDemoSessions } from './support/demo.ts';

const PROCEDURE = '1.000426'; // Cấp thẻ tư vấn viên pháp luật: Sở Tư pháp, online

// An officer's search by the applicant's name reads the folded name PostgreSQL stores with the row
// (migration 0020): whoever writes the row, it is the name's f_search_key.
describeEachEngine('dossier search by the applicant name', { seed: true }, (ctx) => {
  const h = useApp(ctx);
  const { as } = useDemoSessions(ctx, h, ['nguyenvanan', 'motcua', 'tranthibinh']);
  const find = async (who: string, q: string) => {
    const res = await as(who, { method: 'GET', url: `/api/dossiers?queue=all&q=${encodeURIComponent(q)}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: { id: string; applicantName: string }[]; total: number };
  };
  const folded = () =>
    ctx.database.rows<{ stored: string | null; computed: string | null }>(
      sql`SELECT applicant_search_key AS stored, f_search_key(applicant->>'fullName') AS computed FROM dossier`,
    );

  it('finds by any part of the name, without diacritics or case, and keeps the folded name right on update', async () => {
    const filed = await as('nguyenvanan', {
      method: 'POST',
      url: '/api/dossiers',
      headers: { 'idempotency-key': 'search-1' },
      payload: { procedureCode: PROCEDURE, formData: { note: 'Xin cấp thẻ' } },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const id = filed.json().id as string;
    const rows = await folded();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.stored).toBe(r.computed);

    for (const q of ['van an', 'NGUYỄN VĂN AN', 'nguyen van', 'Văn An']) {
      const found = await find('motcua', q);
      expect(
        found.items.map((i) => i.id),
        q,
      ).toContain(id);
    }
    expect((await find('motcua', 'van binh')).items.map((i) => i.id)).not.toContain(id);
    // A citizen has no work list, whatever the search.
    expect(await find('tranthibinh', 'van an')).toMatchObject({ items: [], total: 0 });

    // The applicant's snapshot corrected (here by SQL, as an administrator might): the stored name
    // follows, i/y spellings folded alike ("Ly" = "li").
    await ctx.database.rows(
      sql`UPDATE dossier SET applicant = jsonb_set(applicant, '{fullName}', '"Đỗ Thị Ly"') WHERE id = ${id}::uuid`,
    );
    for (const r of await folded()) expect(r.stored).toBe(r.computed);
    expect((await find('motcua', 'do thi li')).items.map((i) => i.id)).toEqual([id]);
    expect((await find('motcua', 'đỗ thị ly')).items.map((i) => i.id)).toEqual([id]);
    expect((await find('motcua', 'nguyen van an')).items.map((i) => i.id)).not.toContain(id);
  });

  it("pages a search in the list's own order, in each queue", async () => {
    for (const key of ['search-2', 'search-3', 'search-4']) {
      const filed = await as('nguyenvanan', {
        method: 'POST',
        url: '/api/dossiers',
        headers: { 'idempotency-key': key },
        payload: { procedureCode: PROCEDURE, formData: { note: key } },
      });
      expect(filed.statusCode, filed.body).toBe(201);
    }
    const list = async (query: string) => {
      const res = await as('motcua', { method: 'GET', url: `/api/dossiers?${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: { id: string; applicantName: string }[]; total: number };
    };
    for (const queue of ['all', 'to_receive']) {
      const whole = (await list(`queue=${queue}&limit=200`)).items.filter(
        (i) => i.applicantName === 'Nguyễn Văn An',
      );
      expect(whole.length).toBe(3);
      const first = await list(`queue=${queue}&q=van%20an&limit=2`);
      const second = await list(`queue=${queue}&q=van%20an&limit=2&offset=2`);
      expect(first.total).toBe(3);
      expect([...first.items, ...second.items].map((i) => i.id)).toEqual(whole.map((i) => i.id));
    }
  });
});
