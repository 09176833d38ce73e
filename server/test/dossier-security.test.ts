import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { useApp } from './support/app.ts';
import { describeEachEngine } from './support/databases.ts';
import { useDemoSessions } from './support/demo.ts';

const CARD = '1.000426'; // Cấp thẻ tư vấn viên pháp luật: Sở Tư pháp decides, 5 working days

/**
 * Issue 25, the dossier findings, each reproduced with the request that showed it: what a body may
 * name (an account, a handler, an agency), what the applicant's timeline shows, how far a due date
 * may move, which names are refused, and what a stranger learns from a rating.
 */
describeEachEngine('dossiers: issue 25 regressions', { seed: true }, (ctx) => {
  const h = useApp(ctx);
  const { ids, agencies, as } = useDemoSessions(ctx, h, [
    'nguyenvanan',
    'tranthibinh',
    'motcua',
    'lanhdao',
    'chuyenvien',
  ]);
  // Person A: a walk-in without an account.
  const personA = {
    fullName: 'Hoàng Thị Mai',
    cccd: '008199007777',
    phone: '0977123456',
    email: null,
    addressCommuneCode: null,
    addressDetail: 'Tổ 3, phường Minh Xuân',
  };
  const intake = (payload: Record<string, unknown>) =>
    as('motcua', {
      method: 'POST',
      url: '/api/dossiers/counter',
      payload: { procedureCode: CARD, channel: 'direct', deskAgencyId: agencies.motcua, ...payload },
    });
  const mine = async (who: string) =>
    (
      (await as(who, { method: 'GET', url: '/api/dossiers?mine=true&limit=200' })).json() as {
        items: { id: string }[];
      }
    ).items.map((i) => i.id);
  const applicantOf = async (id: string) =>
    (
      await ctx.database.rows<{ applicant_id: string | null }>(
        sql`SELECT applicant_id FROM dossier WHERE id = ${id}::uuid`,
      )
    )[0]!.applicant_id;

  it('never links a counter dossier to the account the request names (A’s details, applicantId = B)', async () => {
    const named = await intake({ applicant: personA, applicantId: ids.tranthibinh });
    expect(named.statusCode, named.body).toBe(400);
    expect(JSON.stringify(named.json().errors)).toContain('applicantId');
    const [count] = await ctx.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM dossier WHERE applicant ->> 'cccd' = ${personA.cccd}`,
    );
    expect(count!.n).toBe(0); // nothing half-written
    // Without it, A's dossier belongs to no account: B neither sees it nor finds it in "my dossiers".
    const r = await intake({ applicant: personA });
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().id as string;
    expect(await applicantOf(id)).toBeNull();
    expect((await as('tranthibinh', { method: 'GET', url: `/api/dossiers/${id}` })).statusCode).toBe(404);
    expect(await mine('tranthibinh')).not.toContain(id);
  });

  it('links a counter dossier to the account whose verified CCCD is the applicant’s, and only that', async () => {
    // Nguyễn Văn An's account is identity level 2 (VNeID): his CCCD is verified.
    const an = await intake({
      applicant: { ...personA, fullName: 'Nguyễn Văn An', cccd: '008090001234' },
    });
    expect(an.statusCode, an.body).toBe(201);
    expect(await applicantOf(an.json().id)).toBe(ids.nguyenvanan);
    expect(await mine('nguyenvanan')).toContain(an.json().id);
    // Trần Thị Bình registered herself (level 1): the CCCD on her account is only what she typed,
    // so a dossier with that CCCD is linked to nobody.
    const binh = await intake({
      applicant: { ...personA, fullName: 'Trần Thị Bình', cccd: '008195004321' },
    });
    expect(binh.statusCode, binh.body).toBe(201);
    expect(await applicantOf(binh.json().id)).toBeNull();
    expect(await mine('tranthibinh')).not.toContain(binh.json().id);
  });
});
