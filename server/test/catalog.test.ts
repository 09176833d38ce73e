import { beforeAll, expect, it } from 'vitest';
import { seedCatalog } from '../seed/catalog.ts';
import { seedDemoAccounts } from '../seed/demo.ts';
import { NATIONAL_CATALOGUE, readReference, referenceLines } from '../seed/reference.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { changeReport, importCatalog } from '../src/modules/catalog/import.ts';
import { findByLogin } from '../src/modules/identity/accounts.ts';
import { createSession } from '../src/modules/identity/sessions.ts';
import { csrfTokenFor } from '../src/modules/identity/web-session.ts';
import { silentProgress } from '../src/platform/progress.ts';
import { useApp } from './support/app.ts';
import { describeEachEngine } from './support/databases.ts';

type Summary = {
  code: string;
  name: { vi: string };
  onlineType: string;
  levels: string[];
  enabled: boolean;
  version: number;
};

describeEachEngine('procedure catalogue', { seed: 'reference' }, (ctx) => {
  const h = useApp(ctx);
  let admin = '';
  let adminCsrf = '';
  let imported: Awaited<ReturnType<typeof seedCatalog>>;
  beforeAll(async () => {
    imported = await seedCatalog(ctx.database, ctx.config, silentProgress);
    await seedDemoAccounts(ctx.database, ctx.config);
    const p = (await findByLogin(ctx.database.db, 'quantri@demo.cqs.example'))!;
    const { token } = await inTransaction(ctx.database, (tx) =>
      createSession(tx, { personId: p.id, idToken: null, userAgent: null, ip: null, hours: 1 }),
    );
    adminCsrf = csrfTokenFor(token);
    admin = `cqs_session=${token}; cqs_csrf=${adminCsrf}`;
  });
  const get = async <T>(url: string, headers: Record<string, string> = {}) => {
    const res = await h.app.inject({ method: 'GET', url, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  };
  const search = (q: string) =>
    get<{ items: Summary[]; total: number }>(`/api/catalog/procedures?q=${encodeURIComponent(q)}`);

  it('imports the 2,642 national procedures and offers the province and commune ones', async () => {
    expect(imported).toMatchObject({ inserted: 2642, versioned: 0, unchanged: 0 });
    expect(imported!.stats).toMatchObject({ total: 2642, withProcessingTime: 2159, withDocuments: 2591 });
    const offered = await get<{ total: number }>('/api/catalog/procedures?limit=1');
    // Procedures at province or commune level (some also at ministry level) are offered.
    expect(offered.total).toBe(1601);
    const all = await get<{ total: number }>('/api/catalog/procedures?all=true&limit=1', { cookie: admin });
    expect(all.total).toBe(2642);
    expect((await h.app.inject({ method: 'GET', url: '/api/catalog/procedures?all=true' })).statusCode).toBe(
      401,
    );
  });

  it('finds "Đăng ký khai sinh" without diacritics and with a typo, the general procedure first', async () => {
    for (const q of ['dang ky khai sinh', 'ĐĂNG KÝ KHAI SINH', 'dang ki khai sinh']) {
      const r = await search(q);
      expect(r.items[0], q).toMatchObject({ code: '1.001193', name: { vi: 'Thủ tục đăng ký khai sinh' } });
    }
    expect((await search('1.000894')).items[0]!.name.vi).toBe('Thủ tục đăng ký kết hôn');
    const commune = await get<{ items: Summary[] }>('/api/catalog/procedures?q=ket%20hon&level=commune');
    expect(commune.items.every((p) => p.levels.includes('commune'))).toBe(true);
    expect((await search('zzzz qqqq')).total).toBe(0);
  });

  it('shows a procedure with its documents, processing time, fees and e-form', async () => {
    const p = await get<Record<string, unknown>>('/api/catalog/procedures/1.001193');
    expect(p).toMatchObject({ code: '1.001193', onlineType: 'full', enabled: true, version: 1 });
    expect((p.documents as unknown[]).length).toBeGreaterThan(0);
    expect(p.eform).toMatchObject({ schema: { type: 'object' } });
    const permit = await get<Record<string, unknown>>('/api/catalog/procedures/1.000823');
    expect(permit).toMatchObject({ processingTime: { value: 22, unit: 'working_days' }, feeFree: true });
    expect((await h.app.inject({ method: 'GET', url: '/api/catalog/procedures/9.999999' })).json().code).toBe(
      'CATALOG.NOT_FOUND',
    );
    expect((await h.app.inject({ method: 'GET', url: '/api/catalog/procedures/abc' })).statusCode).toBe(400);
  });

  it('lists the procedures with an e-form, the ones people file most, and tells which have one', async () => {
    const withForm = await get<{ items: (Summary & { hasForm: boolean })[]; total: number }>(
      '/api/catalog/procedures?hasForm=true&limit=50',
    );
    expect(withForm.total).toBe(12);
    expect(withForm.items.every((p) => p.hasForm)).toBe(true);
    expect(withForm.items.map((p) => p.code)).toEqual(expect.arrayContaining(['1.001193', '3.000333']));
    const without = await get<{ items: { hasForm: boolean }[]; total: number }>(
      '/api/catalog/procedures?hasForm=false&limit=5',
    );
    expect(without.total).toBe(1601 - 12);
    expect(without.items.every((p) => !p.hasForm)).toBe(true);
    // Browsing a field without words lists the commonly filed (e-form) procedures first.
    const civil = await get<{ items: { hasForm: boolean }[] }>(
      `/api/catalog/procedures?field=${encodeURIComponent('Hộ tịch')}&limit=6`,
    );
    expect(civil.items.map((p) => p.hasForm)).toEqual([true, true, true, true, true, false]);
    const birth = (await search('dang ky khai sinh')).items[0] as Summary & Record<string, unknown>;
    expect(birth).toMatchObject({ hasForm: true, competentAgencyId: null });
    expect(birth).toHaveProperty('competentAuthority');
  });

  it('lists the agencies deciding offered procedures, and filters by one', async () => {
    const agencies = await get<{ items: { agencyId: string; count: number }[] }>('/api/catalog/agencies');
    expect(agencies.items.length).toBeGreaterThan(0);
    const top = agencies.items[0]!;
    const filtered = await get<{ items: { competentAgencyId: string }[]; total: number }>(
      `/api/catalog/procedures?agency=${top.agencyId}&limit=200`,
    );
    expect(filtered.total).toBe(top.count);
    expect(filtered.items.every((p) => p.competentAgencyId === top.agencyId)).toBe(true);
  });

  it('shows procedures whose document descriptions are longer than an edit may write', async () => {
    // 1.000020 has a component description of more than 2,000 characters in the national catalogue.
    const p = await get<{ documents: { name: string }[]; hasForm: boolean }>(
      '/api/catalog/procedures/1.000020',
    );
    expect(Math.max(...p.documents.map((d) => d.name.length))).toBeGreaterThan(2000);
    expect(p.hasForm).toBe(false);
  });

  it('lists fields with their counts', async () => {
    const fields = await get<{ items: { field: string; count: number }[] }>('/api/catalog/fields');
    expect(fields.items.find((f) => f.field === 'Hộ tịch')?.count).toBeGreaterThan(10);
  });

  it('keeps every version: an edit makes version 2 and version 1 stays as it was', async () => {
    const headers = { cookie: admin, 'x-csrf-token': adminCsrf };
    const partialWithoutReason = await h.app.inject({
      method: 'PATCH',
      url: '/api/catalog/procedures/1.000894',
      headers,
      payload: { onlineType: 'partial' },
    });
    expect(partialWithoutReason.statusCode).toBe(400);
    expect(partialWithoutReason.json().errors[0].field).toBe('body.partialReason');
    const edit = await h.app.inject({
      method: 'PATCH',
      url: '/api/catalog/procedures/1.000894',
      headers,
      payload: {
        processingTime: { value: 3, unit: 'working_days' },
        fees: [{ label: 'Lệ phí đăng ký kết hôn', amountVnd: 0 }],
        level2FeeWaived: true,
      },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toEqual({ version: 2 });
    const now = await get<Record<string, unknown>>('/api/catalog/procedures/1.000894');
    const before = await get<Record<string, unknown>>('/api/catalog/procedures/1.000894?version=1');
    expect(now).toMatchObject({
      version: 2,
      processingTime: { value: 3, unit: 'working_days' },
      level2FeeWaived: true,
    });
    expect(before).toMatchObject({ version: 1, level2FeeWaived: false });
    expect(before.processingTime).not.toEqual(now.processingTime);
    // The published wording of the old time is not kept beside the new one.
    expect(now.processingTimeText).toBeNull();
    const versions = await get<{ items: { version: number }[] }>('/api/catalog/procedures/1.000894/versions');
    expect(versions.items.map((v) => v.version)).toEqual([1, 2]);

    const off = await h.app.inject({
      method: 'POST',
      url: '/api/catalog/procedures/1.000894/disable',
      headers,
    });
    expect(off.statusCode).toBe(204);
    expect((await search('dang ky ket hon')).items.map((i) => i.code)).not.toContain('1.000894');
  });

  it('refuses an edit that would break every dossier filed after it, naming the field, and keeps the procedure as it was', async () => {
    // Each was saved before (issue 25): the e-forms made every filing a 500, the periods every
    // receipt a calendar error, the name a receipt that took minutes to lay out.
    const headers = { cookie: admin, 'x-csrf-token': adminCsrf };
    const code = '1.001193'; // Đăng ký khai sinh, with an e-form
    const before = await get<{ version: number; eform: unknown }>(`/api/catalog/procedures/${code}`);
    const refused: [Record<string, unknown>, string][] = [
      [{ processingTime: { value: 1e9, unit: 'working_days' } }, 'body.processingTime.value'],
      [{ processingTime: { value: -3, unit: 'working_days' } }, 'body.processingTime.value'],
      [{ processingTime: { value: 1.5, unit: 'days' } }, 'body.processingTime.value'],
      [{ processingTime: { value: 0, unit: 'years' } }, 'body.processingTime.value'],
      [{ eform: { schema: { type: 'nonsense' } } }, 'body.eform.schema'],
      [{ eform: { schema: { $ref: '#/$defs/none' } } }, 'body.eform.schema'],
      [{ eform: { schema: { properties: { a: { type: 'string', pattern: '(' } } } } }, 'body.eform.schema'],
      [{ eform: { schema: { $id: 'khai-sinh', type: 'object' } } }, 'body.eform.schema'],
      [{ eform: { schema: { $async: true, type: 'object' } } }, 'body.eform.schema'],
      [{ name: { vi: 'x'.repeat(200_000) } }, 'body.name.vi'],
      [{ name: { vi: 'Đăng ký \u202Eisnh iahk' } }, 'body.name.vi'],
      [{ fees: [{ label: 'Lệ phí', amountVnd: 9_007_199_254_740_991 }] }, 'body.fees.0.amountVnd'],
    ];
    for (const [payload, field] of refused) {
      const res = await h.app.inject({
        method: 'PATCH',
        url: `/api/catalog/procedures/${code}`,
        headers,
        payload,
      });
      expect(res.statusCode, `${JSON.stringify(payload).slice(0, 80)}: ${res.body.slice(0, 300)}`).toBe(400);
      const error = res.json().errors.find((e: { field: string }) => e.field === field);
      expect(error, `${field}: ${res.body.slice(0, 300)}`).toBeDefined();
      expect(error.vi).toMatch(/\p{L}/u);
    }
    for (const [payload] of [
      [{ processingTime: { value: 0.5, unit: 'working_days' } }],
      [{ processingTime: { value: 1.5, unit: 'working_hours' } }],
    ]) {
      const res = await h.app.inject({
        method: 'PATCH',
        url: `/api/catalog/procedures/${code}`,
        headers,
        payload,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const after = await get<{ version: number; eform: unknown }>(`/api/catalog/procedures/${code}`);
    expect(after.version).toBe(before.version + 2);
    expect(after.eform).toEqual(before.eform);
    // A version beyond a PostgreSQL integer is a bad request, not a query that fails.
    const huge = await h.app.inject({
      method: 'GET',
      url: `/api/catalog/procedures/${code}?version=9007199254740991`,
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().errors[0].field).toBe('query.version');
  });

  it('re-imports idempotently, and versions only what the portal changed', async () => {
    // Streamed from the .gz, as `cqs catalog import FILE.jsonl.gz` reads it.
    const same = await importCatalog(
      ctx.database,
      referenceLines(NATIONAL_CATALOGUE),
      { enableLevels: [] },
      silentProgress,
    );
    expect(same).toMatchObject({ inserted: 0, versioned: 0, unchanged: 2642, added: [], changed: [] });
    const text = readReference(NATIONAL_CATALOGUE);
    const changed = text.replace(
      '"ten_thu_tuc":"Thủ tục đăng ký khai tử"',
      '"ten_thu_tuc":"Thủ tục đăng ký khai tử (sửa đổi)"',
    );
    expect(changed).not.toBe(text);
    const again = await importCatalog(ctx.database, changed, { enableLevels: [] }, silentProgress);
    expect(again).toMatchObject({ inserted: 0, versioned: 1, unchanged: 2641, notInFile: 0 });
    expect(again.changed).toEqual([{ code: '1.000656', name: 'Thủ tục đăng ký khai tử (sửa đổi)' }]);

    const p = await get<{ name: { vi: string }; version: number; eform: unknown }>(
      '/api/catalog/procedures/1.000656',
    );
    expect(p).toMatchObject({ name: { vi: 'Thủ tục đăng ký khai tử (sửa đổi)' }, version: 2 });
    expect(p.eform).not.toBeNull(); // the province's e-form survives the refresh

    // A file of one new procedure and one changed one: the rest are not in it, and none is withdrawn.
    const lines = text.split('\n');
    const death = JSON.parse(lines.find((l) => l.includes('"ma_thu_tuc":"1.000656"'))!);
    const fresh = { ...death, ma_thu_tuc: '9.999001', ten_thu_tuc: 'Thủ tục thử nghiệm mới' };
    const partial = [
      JSON.stringify(fresh),
      JSON.stringify({ ...death, ten_thu_tuc: 'Thủ tục đăng ký khai tử' }),
    ];
    const third = await importCatalog(ctx.database, partial.join('\n'), { enableLevels: [] }, silentProgress);
    expect(third).toMatchObject({
      inserted: 1,
      versioned: 1,
      unchanged: 0,
      added: [{ code: '9.999001', name: 'Thủ tục thử nghiệm mới' }],
      changed: [{ code: '1.000656', name: 'Thủ tục đăng ký khai tử' }],
      notInFile: 2641,
    });
    expect(changeReport(third)).toContain('9.999001  Thủ tục thử nghiệm mới');
    expect(changeReport(third)).toContain('2641 thủ tục đã có không nằm trong tệp');
  });
});
