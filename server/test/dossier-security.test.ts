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
    'quantri',
  ]);
  const command = (who: string, id: string, body: Record<string, unknown>) =>
    as(who, { method: 'POST', url: `/api/dossiers/${id}/commands`, payload: body });
  const agencyOf = async (where: string) =>
    (
      await ctx.database.rows<{ id: string }>(
        sql.raw(`SELECT id FROM identity_agency WHERE ${where} LIMIT 1`),
      )
    )[0]!.id;
  const dossierCount = async () =>
    (await ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM dossier`))[0]!.n;
  const fieldsOf = (body: string) => (JSON.parse(body).errors as { field: string }[]).map((e) => e.field);
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

  it('never makes a citizen, a stranger or a missing person the handler (assign with a wrong handlerId)', async () => {
    const r = await intake({ applicant: personA });
    const id = r.json().id as string;
    const before = await ctx.database.rows(sql`SELECT handler_id, state FROM dossier WHERE id = ${id}::uuid`);
    for (const handlerId of [
      '01900000-0000-7000-8000-000000000000', // nobody: was a 500 (foreign key)
      ids.tranthibinh, // a citizen: was a 200, the citizen then saw A's dossier
      ids.motcua, // an official of another agency, and not a handler
    ]) {
      const bad = await command('lanhdao', id, { type: 'assign', handlerId });
      expect(bad.statusCode, bad.body).toBe(422);
      expect(bad.json().code).toBe('DOSSIER.HANDLER_NOT_ELIGIBLE');
      expect(fieldsOf(bad.body)).toEqual(['body.handlerId']);
    }
    // Nothing was written, and the citizen still cannot see it.
    expect(
      await ctx.database.rows(sql`SELECT handler_id, state FROM dossier WHERE id = ${id}::uuid`),
    ).toEqual(before);
    expect((await as('tranthibinh', { method: 'GET', url: `/api/dossiers/${id}` })).statusCode).toBe(404);
    // A transfer checks its target and handler the same way.
    const desk = await agencyOf(`kind = 'service_center'`);
    await command('lanhdao', id, { type: 'assign', handlerId: ids.chuyenvien });
    const ghost = await command('lanhdao', id, {
      type: 'transfer',
      to: { kind: 'agency', id: '01900000-0000-7000-8000-000000000001' },
      duration: { value: 3, unit: 'working_days' },
    });
    expect(ghost.statusCode, ghost.body).toBe(422);
    expect(fieldsOf(ghost.body)).toEqual(['body.to.id']);
    const citizenHandler = await command('lanhdao', id, {
      type: 'transfer',
      to: { kind: 'agency', id: desk },
      handlerId: ids.nguyenvanan,
      duration: { value: 3, unit: 'working_days' },
    });
    expect(citizenHandler.statusCode, citizenHandler.body).toBe(422);
    expect(fieldsOf(citizenHandler.body)).toEqual(['body.handlerId']);
    const consult = await command('chuyenvien', id, {
      type: 'consult',
      with: { kind: 'unit', id: '01900000-0000-7000-8000-000000000002' },
      duration: { value: 3, unit: 'working_days' },
    });
    expect(consult.statusCode, consult.body).toBe(422);
    expect(fieldsOf(consult.body)).toEqual(['body.with.id']);
    // The right people still go through.
    const ok = await command('lanhdao', id, { type: 'assign', handlerId: ids.lanhdao });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('routes a counter dossier only to an existing agency competent for the procedure at its level', async () => {
    // A commune-level procedure the catalogue leaves unrouted: the desk names the commune's committee.
    const [proc] = await ctx.database.rows<{ code: string }>(sql`
      SELECT p.code FROM catalog_procedure p JOIN catalog_procedure_version v
        ON v.procedure_id = p.id AND v.version = p.current_version
      WHERE p.enabled AND v.competent_agency_id IS NULL AND v.processing_time IS NOT NULL
        AND v.levels = ARRAY['commune'] ORDER BY p.code LIMIT 1`);
    const commune = await agencyOf(`kind = 'commune_committee'`);
    const send = (competentAgencyId: string | undefined, procedureCode = proc!.code) =>
      intake({ applicant: personA, procedureCode, ...(competentAgencyId ? { competentAgencyId } : {}) });
    const before = await dossierCount();
    const cases: [string | undefined, number, string][] = [
      ['01900000-0000-7000-8000-000000000003', 422, 'DOSSIER.UNKNOWN_AGENCY'], // was a 500
      [ids.tranthibinh, 422, 'DOSSIER.UNKNOWN_AGENCY'], // a person's id, not an agency's
      [await agencyOf(`kind = 'one_stop_desk'`), 422, 'DOSSIER.AGENCY_NOT_COMPETENT'], // a desk decides nothing
      [agencies.lanhdao, 422, 'DOSSIER.AGENCY_NOT_COMPETENT'], // a department: province level (was a 201)
      [undefined, 400, 'DOSSIER.NO_AUTHORITY'],
    ];
    for (const [competentAgencyId, status, code] of cases) {
      const r = await send(competentAgencyId);
      expect(r.statusCode, `${competentAgencyId}: ${r.body}`).toBe(status);
      expect(r.json().code).toBe(code);
      expect(fieldsOf(r.body)).toEqual(['competentAgencyId']);
    }
    // The applicant's commune is a commune of the map, or the intake is refused with it named.
    const noCommune = await intake({ applicant: { ...personA, addressCommuneCode: '99999' } });
    expect(noCommune.statusCode, noCommune.body).toBe(422);
    expect(fieldsOf(noCommune.body)).toEqual(['body.applicant.addressCommuneCode']);
    // The catalogue names the authority of CARD (Sở Tư pháp): another id is refused, not ignored.
    const other = await send(commune, CARD);
    expect(other.statusCode, other.body).toBe(422);
    expect(fieldsOf(other.body)).toEqual(['competentAgencyId']);
    expect(await dossierCount()).toBe(before);
    const good = await send(commune);
    expect(good.statusCode, good.body).toBe(201);
    expect(good.json().competentAgencyId).toBe(commune);
  });

  it('refuses a catalogue edit routing a procedure to something that is not a competent agency (was a 500)', async () => {
    const patch = (competentAgencyId: string | undefined) =>
      as('quantri', {
        method: 'PATCH',
        url: `/api/catalog/procedures/${CARD}`,
        payload: { competentAgencyId },
      });
    const version = async () =>
      (await h.app.inject({ method: 'GET', url: `/api/catalog/procedures/${CARD}` })).json()
        .version as number;
    const before = await version();
    for (const [id, code] of [
      ['01900000-0000-7000-8000-000000000004', 'CATALOG.UNKNOWN_AGENCY'],
      [ids.quantri, 'CATALOG.UNKNOWN_AGENCY'],
      [await agencyOf(`kind = 'service_center'`), 'CATALOG.AGENCY_NOT_COMPETENT'],
      [await agencyOf(`kind = 'commune_committee'`), 'CATALOG.AGENCY_NOT_COMPETENT'], // CARD is province-level
    ] as const) {
      const r = await patch(id);
      expect(r.statusCode, r.body).toBe(422);
      expect(r.json().code).toBe(code);
      expect(fieldsOf(r.body)).toEqual(['competentAgencyId']);
    }
    expect(await version()).toBe(before); // no version was written
    const ok = await patch(agencies.lanhdao);
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('shows the applicant the steps addressed to them, never the office’s notes, consultations, people’s ids or an unreturned result', async () => {
    const filed = await as('nguyenvanan', {
      method: 'POST',
      url: '/api/dossiers',
      payload: { procedureCode: CARD },
    });
    const id = filed.json().id as string;
    const step = async (who: string, body: Record<string, unknown>) => {
      const r = await command(who, id, body);
      expect(r.statusCode, `${body.type}: ${r.body}`).toBe(200);
    };
    await step('motcua', { type: 'receive', note: 'Kiểm tra đủ giấy tờ gốc' });
    await step('lanhdao', { type: 'assign', handlerId: ids.chuyenvien, note: 'Ghi chú nội bộ: ưu tiên' });
    await step('chuyenvien', {
      type: 'consult',
      with: { kind: 'agency', id: agencies.motcua },
      question: 'Câu hỏi liên ngành về hồ sơ',
      duration: { value: 2, unit: 'working_days' },
      note: 'Chờ ý kiến trước khi trình',
    });
    const draft = await as('chuyenvien', {
      method: 'POST',
      url: `/api/dossiers/${id}/files?purpose=result&label=${encodeURIComponent('Thẻ tư vấn viên')}&fileName=du-thao-the.pdf`,
      payload: Buffer.from('%PDF-1.4\n% bản dự thảo\n%%EOF\n'),
      headers: { 'content-type': 'application/pdf' },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const sha256 = draft.json().sha256 as string;
    await step('lanhdao', { type: 'approve', note: 'Đã xem, ký' });

    const timelineOf = async (who: string) => {
      const r = await as(who, { method: 'GET', url: `/api/dossiers/${id}/timeline` });
      expect(r.statusCode).toBe(200);
      return {
        body: r.body,
        items: r.json().items as { type: string; actorId: string | null; note: string | null }[],
      };
    };
    const applicant = await timelineOf('nguyenvanan');
    expect(applicant.items.map((e) => e.type)).toEqual(['create', 'submit', 'receive', 'assign', 'approve']);
    for (const secret of [
      'Kiểm tra đủ giấy tờ gốc',
      'Ghi chú nội bộ',
      'Câu hỏi liên ngành',
      'Chờ ý kiến',
      'Đã xem, ký',
      'du-thao-the',
      sha256,
      ids.chuyenvien,
      ids.lanhdao,
      ids.motcua,
      'transferBy',
    ])
      expect(applicant.body, secret).not.toContain(secret);
    expect(
      applicant.items.filter((e) => e.actorId !== null).every((e) => e.actorId === ids.nguyenvanan),
    ).toBe(true);
    expect(applicant.body).toContain('appointmentAt'); // the receipt's appointment is theirs
    // The dossier and its files say no more: the handler's name, not the id; no draft result.
    const dossier = (await as('nguyenvanan', { method: 'GET', url: `/api/dossiers/${id}` })).json();
    expect(dossier).toMatchObject({ handlerId: null, handlerName: expect.any(String) });
    const files = (await as('nguyenvanan', { method: 'GET', url: `/api/dossiers/${id}/files` })).json();
    expect(files.items).toEqual([]);
    // Public tracking shows no consultation either.
    const [row] = await ctx.database.rows<{ code: string }>(
      sql`SELECT code FROM dossier WHERE id = ${id}::uuid`,
    );
    const tracked = await h.app.inject({
      method: 'GET',
      url: `/api/dossiers/track?code=${row!.code}&phone=0912345678`,
    });
    expect(tracked.json().steps.map((s: { type: string }) => s.type)).not.toContain('consult');
    // The office sees all of it.
    const office = await timelineOf('lanhdao');
    expect(office.items.map((e) => e.type)).toEqual([
      'create',
      'submit',
      'receive',
      'assign',
      'consult',
      'attach_result',
      'approve',
    ]);
    expect(office.body).toContain('Câu hỏi liên ngành');
    expect(office.body).toContain(sha256);
    // Once the result is returned, it is the applicant's: its step and its file appear.
    await step('motcua', { type: 'return_result', method: 'electronic' });
    const after = await timelineOf('nguyenvanan');
    expect(after.items.map((e) => e.type)).toEqual([
      'create',
      'submit',
      'receive',
      'assign',
      'attach_result',
      'approve',
      'return_result',
    ]);
    expect(after.body).toContain('du-thao-the.pdf');
    expect(after.body).not.toContain(sha256);
    const returned = (await as('nguyenvanan', { method: 'GET', url: `/api/dossiers/${id}/files` })).json();
    expect(returned.items).toHaveLength(1);
  });

  it('bounds an extension by the law’s limit: one more processing time, never a date in 2099', async () => {
    const r = await intake({ applicant: personA });
    const d = r.json() as { id: string; dueAt: string };
    await command('lanhdao', d.id, { type: 'assign', handlerId: ids.chuyenvien });
    const far = await command('lanhdao', d.id, {
      type: 'extend',
      newDueAt: '2099-12-31T16:00:00+07:00',
      reason: 'Cần xác minh thêm',
    });
    expect(far.statusCode, far.body).toBe(422);
    expect(far.json()).toMatchObject({
      code: 'DOSSIER.EXTENSION_TOO_LONG',
      errors: [{ field: 'body.newDueAt' }],
    });
    const after = (await as('lanhdao', { method: 'GET', url: `/api/dossiers/${d.id}` })).json();
    expect(after.dueAt).toBe(d.dueAt); // nothing written
    expect(after.actions).toContain('extend'); // the one extension is still there to use
  });

  it('refuses names with a tab, a newline or a direction override (U+202E) wherever a dossier takes one', async () => {
    const before = await dossierCount();
    for (const fullName of ['Hoàng\tThị Mai', 'Hoàng Thị\nMai', 'Hoàng \u202Eiam ịhT', 'Hoàng\u0000Mai']) {
      const r = await intake({ applicant: { ...personA, fullName } });
      expect(r.statusCode, JSON.stringify(fullName)).toBe(400);
      expect(fieldsOf(r.body)).toEqual(['body.applicant.fullName']);
    }
    const address = await intake({ applicant: { ...personA, addressDetail: 'Tổ 3\u202E' } });
    expect(fieldsOf(address.body)).toEqual(['body.applicant.addressDetail']);
    // In an e-form, a draft's included: the declarant's or the child's name.
    const birth = '1.001193'; // Đăng ký khai sinh, with an e-form
    const draft = await as('nguyenvanan', {
      method: 'POST',
      url: '/api/dossiers',
      payload: {
        procedureCode: birth,
        draft: true,
        formData: { declarant: { fullName: 'Nguyễn\u202EnA nǎV' }, note: 'dòng 1\ndòng 2' },
      },
    });
    expect(draft.statusCode, draft.body).toBe(400);
    expect(draft.json().code).toBe('DOSSIER.FORM_INVALID');
    expect(fieldsOf(draft.body)).toEqual(['formData.declarant.fullName']);
    expect(await dossierCount()).toBe(before);
    // A reason may have line breaks, but no override either.
    const d = (await intake({ applicant: personA })).json();
    const reason = await command('lanhdao', d.id, {
      type: 'suspend',
      reason: 'Theo đề nghị\u202E của người nộp',
    });
    expect(reason.statusCode).toBe(400);
    expect(fieldsOf(reason.body)).toEqual(['body.reason']);
    expect(
      (await command('lanhdao', d.id, { type: 'suspend', reason: 'Theo đề nghị\ncủa người nộp' })).statusCode,
    ).toBe(200);
  });

  it('answers a rating by someone who may not see the dossier as if it did not exist (was a 403)', async () => {
    const mine = (
      await as('nguyenvanan', { method: 'POST', url: '/api/dossiers', payload: { procedureCode: CARD } })
    ).json();
    const rate = (who: string, id: string) =>
      as(who, { method: 'POST', url: `/api/dossiers/${id}/rating`, payload: { score: 1 } });
    const stranger = await rate('tranthibinh', mine.id);
    const nothing = await rate('tranthibinh', '01900000-0000-7000-8000-00000000ffff');
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().code).toBe(nothing.json().code);
    expect(stranger.json().detail).toBe(nothing.json().detail);
    // The desk sees it but may not rate for the applicant: that stays a 403.
    expect((await rate('motcua', mine.id)).statusCode).toBe(403);
  });
});
