import { and, count, eq, isNull } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { readReference } from '../seed/reference.ts';
import { type CsvSource, importAdminUnits, unitChangeReport } from '../src/modules/admin-units/import.ts';
import { adminUnits } from '../src/modules/admin-units/schema.ts';
import { auditLog } from '../src/platform/audit/schema.ts';
import { DomainError } from '../src/platform/errors.ts';
import { silentProgress } from '../src/platform/progress.ts';
import { useApp } from './support/app.ts';
import { describeEachEngine } from './support/databases.ts';

const HEADER = 'code,name,type,province_code,province_name';
/** Tuyên Quang's 124 communes as shipped (communes-2025.csv, CRLF lines), one a line. */
const tuyenQuang = readReference('admin-units/communes-2025.csv')
  .split('\r\n')
  .filter((l) => /^\d{5},.*,08,Tuyên Quang$/.test(l));
const csv = (name: string, lines: string[]): CsvSource => ({
  name,
  bytes: Buffer.from(`${[HEADER, ...lines].join('\n')}\n`),
});
const TODAY = '2026-06-01';

type Unit = { code: string; name: string; validFrom: string | null; validTo: string | null };
type Detail = Unit & { parent: Unit | null; predecessors: Unit[]; successors: Unit[] };

describeEachEngine('loading a newer list of administrative units', { seed: true }, (ctx) => {
  const h = useApp(ctx);
  const get = async <T>(url: string) => {
    const res = await h.app.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  };
  const unitCount = async () => (await ctx.database.db.select({ n: count() }).from(adminUnits))[0]!.n;
  const rejected = async (run: Promise<unknown>) => {
    const e = await run.then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('ADMIN_UNITS.IMPORT_INVALID');
    return (e as DomainError).fieldErrors;
  };

  // The province's list of 2026, say: Tân Trào renamed, one new commune, Côn Lôn merged away.
  const renamed = tuyenQuang.map((l) => l.replace('02545,Xã Tân Trào,', '02545,Xã Tân Trào Lịch Sử,'));
  const newer = [...renamed.filter((l) => !l.startsWith('02245,')), '99991,Xã Thử Nghiệm,xa,08,Tuyên Quang'];
  expect(tuyenQuang).toHaveLength(124);

  it('rejects a list with a bad line, naming its line and column, and writes nothing', async () => {
    const before = await unitCount();
    // Line 1 is the header: the bad commune code is on line 4, the unknown province on line 5.
    const bad = [
      ...newer.slice(0, 2),
      '12A45,Xã Lỗi,xa,08,Tuyên Quang',
      '99992,Xã Lạc Tỉnh,xa,77,Tỉnh Không Có',
      ...newer.slice(2),
    ];
    const errors = await rejected(
      importAdminUnits(
        ctx.database,
        { communes: csv('xa-2026.csv', bad), effectiveOn: '2026-01-01', today: TODAY },
        silentProgress,
      ),
    );
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({
      field: 'xa-2026.csv:4:code',
      vi: 'xa-2026.csv, dòng 4, cột code: mã xã phải gồm 5 chữ số, không phải "12A45".',
      en: 'xa-2026.csv, line 4, column code: a commune code is 5 digits, not "12A45".',
    });
    expect(errors[1]).toMatchObject({ field: 'xa-2026.csv:5:province_code' });
    expect(errors[1]!.en).toContain('no province has code 77');
    expect(await unitCount()).toBe(before);
  });

  it('rejects a wrong column, a name that does not fit its type, a repeated code, a later date', async () => {
    const wrongHeader = await rejected(
      importAdminUnits(
        ctx.database,
        {
          communes: { name: 'x.csv', bytes: Buffer.from('ma,ten\n02545,Xã Tân Trào\n') },
          effectiveOn: '2026-01-01',
          today: TODAY,
        },
        silentProgress,
      ),
    );
    expect(wrongHeader[0]!.en).toBe(
      'x.csv, line 1: missing column code, name, type, province_code; the first line must name the columns code,name,type,province_code.',
    );
    const lines = [
      '02545,Phường Tân Trào,xa,08,Tuyên Quang',
      '02546,Xã Một,xa,08,Tuyên Quang',
      '02546,Xã Hai,xa,08,Tuyên Quang',
      '02547,Xã Ba,xa,08,Hà Giang',
    ];
    const errors = await rejected(
      importAdminUnits(
        ctx.database,
        { communes: csv('x.csv', lines), effectiveOn: '2026-07-01', today: TODAY },
        silentProgress,
      ),
    );
    expect(errors.map((e) => e.field)).toEqual([
      '--effective',
      'x.csv:2:name',
      'x.csv:4:code',
      'x.csv:5:province_name',
    ]);
    expect(errors[0]!.vi).toContain('ngày hiệu lực 2026-07-01 sau hôm nay (2026-06-01)');
    // The new list cannot take effect the day the units in force began.
    const early = await rejected(
      importAdminUnits(
        ctx.database,
        { communes: csv('x.csv', newer), effectiveOn: '2025-07-01', today: TODAY },
        silentProgress,
      ),
    );
    expect(early[0]!.en).toContain('Xã Tân Trào (02545) is in force since 2025-07-01');
  });

  it('reports a dry run and writes nothing', async () => {
    const before = await unitCount();
    const r = await importAdminUnits(
      ctx.database,
      { communes: csv('xa-2026.csv', newer), effectiveOn: '2026-01-01', today: TODAY, dryRun: true },
      silentProgress,
    );
    expect(r).toMatchObject({ dryRun: true, unchanged: 122 });
    expect(r.added.map((u) => u.code)).toEqual(['99991']);
    expect(await unitCount()).toBe(before);
  });

  it('adds the new commune, versions the renamed one, ends the dropped one, and leaves the rest', async () => {
    const before = await unitCount();
    const r = await importAdminUnits(
      ctx.database,
      { communes: csv('xa-2026.csv', newer), effectiveOn: '2026-01-01', today: TODAY },
      silentProgress,
    );
    expect(r).toMatchObject({
      effectiveOn: '2026-01-01',
      dryRun: false,
      provincesCovered: ['08'],
      added: [{ level: 'commune', code: '99991', name: 'Xã Thử Nghiệm', type: 'xa', provinceCode: '08' }],
      renamed: [{ code: '02545', name: 'Xã Tân Trào Lịch Sử', before: { name: 'Xã Tân Trào' } }],
      changed: [],
      unchanged: 122,
      ended: [{ code: '02245', name: 'Xã Côn Lôn' }],
    });
    // Two rows more (the new commune and the renamed one's new version); nothing deleted.
    expect(await unitCount()).toBe(before + 2);
    const report = unitChangeReport(r);
    expect(report).toContain('Thêm / added: 1; đổi tên / renamed: 1');
    expect(report).toContain('02545  Xã Tân Trào → Xã Tân Trào Lịch Sử');
    expect(report).toContain('02245  Xã Côn Lôn');

    const list = await get<{ total: number }>('/api/admin-units?level=commune&province=08');
    expect(list.total).toBe(124);
    const now = await get<Detail>('/api/admin-units/02545');
    expect(now).toMatchObject({ name: 'Xã Tân Trào Lịch Sử', validFrom: '2026-01-01', validTo: null });
    expect(now.predecessors).toMatchObject([{ code: '02545', name: 'Xã Tân Trào', validTo: '2026-01-01' }]);
    const then = await get<Detail>('/api/admin-units/02545?at=2025-12-31');
    expect(then).toMatchObject({ name: 'Xã Tân Trào', validTo: '2026-01-01' });
    expect(then.parent?.name).toBe('Tỉnh Tuyên Quang');
    expect(then.successors.map((s) => s.name)).toEqual(['Xã Tân Trào Lịch Sử']);
    const gone = await get<Detail>('/api/admin-units/02245');
    expect(gone).toMatchObject({ name: 'Xã Côn Lôn', validTo: '2026-01-01' });
    // Other provinces' communes were not compared, so none of them ended.
    const elsewhere = await ctx.database.db
      .select({ n: count() })
      .from(adminUnits)
      .where(and(eq(adminUnits.level, 'commune'), isNull(adminUnits.validTo)));
    expect(elsewhere[0]!.n).toBe(3321);
    const [audit] = await ctx.database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.action, 'admin_units.imported'));
    expect(audit?.details).toMatchObject({ added: ['99991'], renamed: ['02545'], ended: ['02245'] });

    // The same list again changes nothing.
    const again = await importAdminUnits(
      ctx.database,
      { communes: csv('xa-2026.csv', newer), effectiveOn: '2026-02-01', today: TODAY },
      silentProgress,
    );
    expect(again).toMatchObject({ added: [], renamed: [], changed: [], ended: [], unchanged: 124 });
  });

  it('loads a provinces list with it: a renamed province, its communes checked against the new name', async () => {
    const provinces = readReference('admin-units/provinces-2025.csv')
      .trimEnd()
      .split('\r\n')
      .map((l) => l.replace('08,Tuyên Quang,tinh', '08,Tuyên Quang Mới,tinh'));
    const r = await importAdminUnits(
      ctx.database,
      {
        provinces: { name: 'tinh.csv', bytes: Buffer.from(provinces.join('\n')) },
        communes: csv(
          'xa.csv',
          newer.map((l) => l.replace(',Tuyên Quang', ',Tuyên Quang Mới')),
        ),
        effectiveOn: '2026-03-01',
        today: TODAY,
      },
      silentProgress,
    );
    expect(r.renamed).toMatchObject([
      { level: 'province', code: '08', name: 'Tỉnh Tuyên Quang Mới', before: { name: 'Tỉnh Tuyên Quang' } },
    ]);
    expect(r).toMatchObject({ added: [], changed: [], ended: [], unchanged: 33 + 124 });
  });
});
