import { expect, it } from 'vitest';
import { useApp } from './support/app.ts';
import { describeEachEngine } from './support/databases.ts';

type Unit = { code: string; name: string; type: string; level: string; validTo: string | null };
type List = { items: Unit[]; total: number };

// Object.groupBy needs Node 21; the platform supports 20.19.
const groupBy = <T>(items: T[], key: (t: T) => string): Record<string, T[] | undefined> => {
  const out: Record<string, T[]> = {};
  for (const item of items) {
    const k = key(item);
    out[k] = [...(out[k] ?? []), item];
  }
  return out;
};

describeEachEngine('administrative units and agencies', { seed: true }, (ctx) => {
  const h = useApp(ctx);
  const get = async <T>(url: string) => {
    const res = await h.app.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  };

  it('lists the 34 provinces and 3,321 communes of 1 July 2025', async () => {
    const provinces = await get<List>('/api/admin-units?level=province');
    expect(provinces.total).toBe(34);
    expect(provinces.items).toHaveLength(34);
    expect(provinces.items.find((p) => p.code === '08')?.name).toBe('Tỉnh Tuyên Quang');
    expect(provinces.items.find((p) => p.code === '01')?.name).toBe('Thành phố Hà Nội');
    const communes = await get<List>('/api/admin-units?level=commune&limit=5000');
    expect(communes.total).toBe(3321);
    const byType = groupBy(communes.items, (c) => c.type);
    expect([byType.xa?.length, byType.phuong?.length, byType.dac_khu?.length]).toEqual([2621, 687, 13]);
  });

  it("lists Tuyên Quang's 124 communes", async () => {
    const list = await get<List>('/api/admin-units?level=commune&province=08');
    expect(list.total).toBe(124);
    expect(list.items).toHaveLength(124);
    expect(list.items.every((c) => c.level === 'commune' && c.validTo === null)).toBe(true);
  });

  it('finds communes ignoring case and diacritics, exact name first', async () => {
    const plain = await get<List>('/api/admin-units?level=commune&province=08&q=tan%20trao');
    expect(plain.items.map((u) => u.name)).toEqual(['Xã Tân Trào']);
    const upper = await get<List>(`/api/admin-units?q=${encodeURIComponent('TÂN  TRÀO')}&province=08`);
    expect(upper.items[0]?.name).toBe('Xã Tân Trào');
    // đ folds to d: "dong" finds names with "Đồng".
    const d = await get<List>('/api/admin-units?level=commune&q=dong%20van');
    expect(d.items.map((u) => u.name)).toContain('Xã Đồng Văn');
    // The LIKE wildcards are literal: "%" matches nothing rather than everything.
    expect((await get<List>('/api/admin-units?q=%25')).total).toBe(0);
  });

  // The Statistics Office export of 2025-01-04 lists 10,051 communes (often quoted as 10,052).
  it('keeps the pre-2025 units as history: 63 provinces, 696 districts, 10,051 communes', async () => {
    const at = 'at=2025-06-30&limit=5000';
    expect((await get<List>(`/api/admin-units?level=province&${at}`)).total).toBe(63);
    expect((await get<List>(`/api/admin-units?level=district&${at}`)).total).toBe(696);
    expect((await get<List>(`/api/admin-units?level=commune&${at}`)).total).toBe(10051);
    // On the day of the reform the new map is in force.
    expect((await get<List>('/api/admin-units?level=province&at=2025-07-01')).total).toBe(34);
    expect((await get<List>('/api/admin-units?level=district')).total).toBe(0);
  });

  it('shows what a unit was formed from and what an old unit became', async () => {
    type Detail = Unit & {
      parent: Unit | null;
      predecessors: (Unit & { extent: string })[];
      successors: Unit[];
    };
    const tq = await get<Detail>('/api/admin-units/08');
    expect(tq.validTo).toBeNull();
    expect(tq.predecessors.map((p) => p.name).sort()).toEqual(['Tỉnh Hà Giang', 'Tỉnh Tuyên Quang']);
    const haGiang = await get<Detail>('/api/admin-units/02');
    expect(haGiang.validTo).toBe('2025-07-01');
    expect(haGiang.successors.map((s) => s.name)).toEqual(['Tỉnh Tuyên Quang']);
    const tanTrao = await get<Detail>('/api/admin-units/02545');
    expect(tanTrao.parent?.code).toBe('08');
    expect(tanTrao.predecessors.length).toBeGreaterThan(0);
    expect(tanTrao.predecessors.every((p) => p.validTo === '2025-07-01' && p.level === 'commune')).toBe(true);
    // The same code before the reform: the old unit, with its district as parent.
    const old = await get<Detail>('/api/admin-units/08?at=2025-01-01');
    expect(old.validTo).toBe('2025-07-01');
    const oldCommune = await get<Detail>(`/api/admin-units/${tanTrao.predecessors[0]!.code}?at=2025-01-01`);
    expect(oldCommune.parent?.level).toBe('district');
  });

  it('answers an unknown code with a bilingual 404', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/admin-units/99999' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'ADMIN_UNITS.NOT_FOUND',
      title: expect.stringContaining('đơn vị hành chính'),
    });
  });

  it('resolves old codes to the units in force now', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/admin-units/resolve',
      payload: { codes: ['02', '08', '99'] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { results } = res.json() as { results: { code: string; unit: Unit | null; current: Unit[] }[] };
    expect(results.map((r) => r.current.map((c) => c.name))).toEqual([
      ['Tỉnh Tuyên Quang'],
      ['Tỉnh Tuyên Quang'],
      [],
    ]);
    expect(results[2]!.unit).toBeNull();
  });

  it("seeds the province's organisation: committee, office, departments, service centre, every commune", async () => {
    type Agency = {
      code: string;
      name: { vi: string; en?: string };
      kind: string;
      parentCode: string | null;
      adminUnitCode: string;
    };
    const all = await get<{ items: Agency[]; total: number }>('/api/agencies?limit=2000');
    const kinds = groupBy(all.items, (a) => a.kind);
    expect(kinds.provincial_committee?.map((a) => a.name.vi)).toEqual(['Ủy ban nhân dân tỉnh Tuyên Quang']);
    expect(kinds.service_center?.map((a) => a.name.vi)).toEqual([
      'Trung tâm Phục vụ hành chính công tỉnh Tuyên Quang',
    ]);
    expect(kinds.department?.map((a) => a.name.vi)).toContain(
      'Sở Nông nghiệp và Môi trường tỉnh Tuyên Quang',
    );
    expect(kinds.commune_committee).toHaveLength(124);
    expect(kinds.one_stop_desk).toHaveLength(124);
    expect(all.items.every((a) => /^[0-9A-Z.]{1,35}$/.test(a.code))).toBe(true);
    const desk = (await get<{ items: Agency[] }>('/api/agencies?kind=one_stop_desk&q=tan%20trao')).items;
    expect(desk.map((a) => a.name.vi)).toEqual(['Trung tâm Phục vụ hành chính công xã Tân Trào']);
    expect(desk[0]!.adminUnitCode).toBe('02545');
  });

  it('describes the site: province and number of communes', async () => {
    const site = await get<{ province: { name: string; code: string }; communeCount: number }>('/api/site');
    expect(site.province).toMatchObject({ code: '08', name: 'Tuyên Quang' });
    expect(site.communeCount).toBe(124);
  });
});
