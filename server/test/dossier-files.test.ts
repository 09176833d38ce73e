import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { utimes } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { sweepUnreferencedFiles as sweepUnreferencedBlobs } from '../src/app.ts';
import { openStorage } from '../src/platform/storage/index.ts';
import { useApp } from './support/app.ts';
import { describeEachEngine } from './support/databases.ts';
import { useDemoSessions } from './support/demo.ts';

const BIRTH = '1.001193'; // Đăng ký khai sinh: commune level, with an e-form
const CARD = '1.000426'; // Cấp thẻ tư vấn viên pháp luật: Sở Tư pháp, online
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);
// The start of a Windows program: "MZ", then the DOS stub.
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200, 0)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function birthForm(declarant: Record<string, unknown>) {
  const residence = { communeCode: '02269', detail: 'Tổ 5, đường Trần Hưng Đạo' };
  return {
    declarant,
    relationship: 'Cha',
    child: {
      fullName: 'Nguyễn Minh Khang',
      sex: 'Nam',
      dateOfBirth: '2026-09-28',
      placeOfBirth: 'Bệnh viện Đa khoa tỉnh Tuyên Quang',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
    },
    mother: {
      fullName: 'Lê Thị Lan',
      dateOfBirth: '1994-03-12',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      cccd: '008194001234',
      residence,
    },
    copies: 2,
  };
}

describeEachEngine('dossiers: files, drafts and once-only', { seed: true }, (ctx) => {
  const h = useApp(ctx);
  const { ids, agencies, as } = useDemoSessions(ctx, h, [
    'nguyenvanan',
    'tranthibinh',
    'motcua',
    'motcua.xa',
    'lanhdao',
    'chuyenvien',
  ]);
  let communeDeskCommune = '';
  beforeAll(async () => {
    const [desk] = await ctx.database.rows<{ code: string }>(
      sql`SELECT admin_unit_code AS code FROM identity_agency WHERE id = ${agencies['motcua.xa']}`,
    );
    communeDeskCommune = desk!.code;
  });
  const command = (who: string, id: string, body: Record<string, unknown>) =>
    as(who, { method: 'POST', url: `/api/dossiers/${id}/commands`, payload: body });
  const upload = (who: string, id: string, bytes: Buffer, query: string, contentType = 'application/pdf') =>
    as(who, {
      method: 'POST',
      url: `/api/dossiers/${id}/files?${query}`,
      payload: bytes,
      headers: { 'content-type': contentType },
    });
  const files = async (who: string, id: string) =>
    (await as(who, { method: 'GET', url: `/api/dossiers/${id}/files` })).json() as {
      items: { id: string; label: string; contentType: string; sha256: string; purpose: string }[];
      digitizedAt: string | null;
    };
  const events = async (who: string, id: string) =>
    (
      (await as(who, { method: 'GET', url: `/api/dossiers/${id}/timeline` })).json().items as {
        type: string;
      }[]
    ).map((e) => e.type);

  it('prepares a birth registration as a draft: prefilled, attached by content, checked, filed, digitized', async () => {
    const pre = await as('nguyenvanan', {
      method: 'GET',
      url: `/api/dossiers/prefill?procedureCode=${BIRTH}`,
    });
    expect(pre.statusCode, pre.body).toBe(200);
    const prefill = pre.json();
    expect(prefill.hasForm).toBe(true);
    expect(prefill.formData.declarant).toMatchObject({
      fullName: 'Nguyễn Văn An',
      cccd: '008090001234',
      phone: '0912345678',
      dateOfBirth: '1990-05-12',
    });
    expect(prefill.sources).toContainEqual({ path: 'declarant.cccd', from: 'profile', dossierCode: null });

    const created = await as('nguyenvanan', {
      method: 'POST',
      url: '/api/dossiers',
      payload: {
        procedureCode: BIRTH,
        formData: prefill.formData,
        communeCode: communeDeskCommune,
        draft: true,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ status: 'draft', code: null, procedureCode: BIRTH });
    expect(draft.components.length).toBeGreaterThan(0);
    expect(draft.components[0]).toMatchObject({ index: 0, files: 0 });

    // A Windows program renamed to .pdf is refused, saying what it really is, and nothing is kept.
    const exe = await upload('nguyenvanan', draft.id, EXE, 'component=0&fileName=to-khai.pdf');
    expect(exe.statusCode).toBe(415);
    expect(exe.headers['content-type']).toContain('application/problem+json');
    expect(exe.json().detail).toContain('chương trình Windows (.exe)');
    expect(exe.json().en.detail).toContain('Windows program');
    expect(exe.json().errors[0].field).toBe('file');
    expect((await files('nguyenvanan', draft.id)).items).toEqual([]);
    expect(await events('nguyenvanan', draft.id)).not.toContain('attach');

    const pdf = await upload(
      'nguyenvanan',
      draft.id,
      PDF,
      `component=0&fileName=${encodeURIComponent('Giấy chứng sinh.pdf')}`,
    );
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json()).toMatchObject({
      contentType: 'application/pdf',
      sha256: sha(PDF),
      sizeBytes: PDF.length,
    });
    expect(pdf.json().label).toBe(draft.components[0].name);
    // The type comes from the bytes, not from the name or the header.
    const png = await upload('nguyenvanan', draft.id, PNG, 'component=0&fileName=anh.pdf');
    expect(png.json().contentType).toBe('image/png');
    const nowhere = await upload('nguyenvanan', draft.id, PDF, 'component=99&fileName=a.pdf');
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json().errors[0].field).toBe('component');
    expect(
      (await upload('nguyenvanan', draft.id, Buffer.alloc(0), 'component=0&fileName=a.pdf')).statusCode,
    ).toBe(400);
    expect((await upload('tranthibinh', draft.id, PDF, 'component=0&fileName=a.pdf')).statusCode).toBe(404);
    expect(
      (await as('tranthibinh', { method: 'GET', url: `/api/dossiers/${draft.id}/files` })).statusCode,
    ).toBe(404);

    // The applicant may take back a file of the draft.
    const removed = await as('nguyenvanan', {
      method: 'DELETE',
      url: `/api/dossiers/${draft.id}/files/${png.json().id}`,
    });
    expect(removed.statusCode).toBe(204);
    expect((await files('nguyenvanan', draft.id)).items.map((f) => f.contentType)).toEqual([
      'application/pdf',
    ]);

    // Filing checks the e-form field by field; the draft stays a draft.
    const incomplete = await command('nguyenvanan', draft.id, { type: 'submit' });
    expect(incomplete.statusCode).toBe(400);
    const fields = (incomplete.json().errors as { field: string; vi: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['formData.child', 'formData.relationship']));
    expect(
      incomplete.json().errors.find((e: { field: string }) => e.field === 'formData.child').vi,
    ).toContain('Người được khai sinh');
    const saved = await as('nguyenvanan', {
      method: 'PATCH',
      url: `/api/dossiers/${draft.id}`,
      payload: { formData: birthForm(prefill.formData.declarant) },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().components[0].files).toBe(1);
    const filed = await command('nguyenvanan', draft.id, { type: 'submit' });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json().status).toBe('submitted');
    const late = await as('nguyenvanan', {
      method: 'PATCH',
      url: `/api/dossiers/${draft.id}`,
      payload: { formData: {} },
    });
    expect(late.statusCode).toBe(409);

    // The commune desk receives it, scans a paper it was shown, marks the dossier digitized.
    const received = await command('motcua.xa', draft.id, { type: 'receive' });
    expect(received.json().status, received.body).toBe('received');
    expect((await upload('nguyenvanan', draft.id, PDF, 'component=0&fileName=b.pdf')).statusCode).toBe(409);
    const scan = await upload(
      'motcua.xa',
      draft.id,
      PNG,
      'component=1&fileName=scan-cccd-me.png',
      'image/png',
    );
    expect(scan.statusCode, scan.body).toBe(201);
    const digitized = await as('motcua.xa', { method: 'POST', url: `/api/dossiers/${draft.id}/digitized` });
    expect(digitized.statusCode, digitized.body).toBe(200);
    expect(digitized.json().digitizedAt).toMatch(/\+07:00$/);
    expect(
      (await as('motcua.xa', { method: 'POST', url: `/api/dossiers/${draft.id}/digitized` })).statusCode,
    ).toBe(409);
    expect(
      (await as('nguyenvanan', { method: 'POST', url: `/api/dossiers/${draft.id}/digitized` })).statusCode,
    ).toBe(403);
    expect(await events('motcua.xa', draft.id)).toEqual(
      expect.arrayContaining(['create', 'attach', 'detach', 'submit', 'receive', 'digitize']),
    );

    // Downloads carry the real type and the Vietnamese name.
    const got = await as('motcua.xa', { method: 'GET', url: `${pdf.json().url}?download=1` });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Giấy chứng sinh.pdf')}`,
    );
    expect(got.rawPayload.equals(PDF)).toBe(true);

    // Prefill now also draws on this dossier for the next birth registration.
    const again = (
      await as('nguyenvanan', { method: 'GET', url: `/api/dossiers/prefill?procedureCode=${BIRTH}` })
    ).json();
    expect(again.formData.mother.fullName).toBe('Lê Thị Lan');
    expect(again.sources).toContainEqual(expect.objectContaining({ path: 'mother', from: 'dossier' }));
  });

  it('returns an electronic result, keeps it in the wallet, and reuses it once-only', async () => {
    const d = (
      await as('nguyenvanan', { method: 'POST', url: '/api/dossiers', payload: { procedureCode: CARD } })
    ).json();
    await command('motcua', d.id, { type: 'receive' });
    await command('lanhdao', d.id, { type: 'assign', handlerId: ids.chuyenvien });
    expect((await command('lanhdao', d.id, { type: 'approve' })).json().status).toBe('finished');
    const noResult = await command('motcua', d.id, { type: 'return_result', method: 'electronic' });
    expect(noResult.statusCode).toBe(409);
    expect(noResult.json().code).toBe('DOSSIER_FILE.NO_ELECTRONIC_RESULT');

    const result = await upload(
      'chuyenvien',
      d.id,
      PDF,
      `purpose=result&label=${encodeURIComponent('Thẻ tư vấn viên pháp luật')}&fileName=the-tvv.pdf`,
    );
    expect(result.statusCode, result.body).toBe(201);
    expect(result.json()).toMatchObject({ purpose: 'result', label: 'Thẻ tư vấn viên pháp luật' });
    // Not the applicant's to see before it is handed back.
    expect((await files('nguyenvanan', d.id)).items).toEqual([]);
    expect(
      (await command('motcua', d.id, { type: 'return_result', method: 'electronic' })).json().status,
    ).toBe('returned');
    expect((await files('nguyenvanan', d.id)).items.map((f) => f.purpose)).toEqual(['result']);
    expect((await upload('chuyenvien', d.id, PDF, 'purpose=result&fileName=x.pdf')).statusCode).toBe(409);

    const wallet = (await as('nguyenvanan', { method: 'GET', url: '/api/dossiers/wallet' })).json();
    const card = wallet.items.find((w: { file: { id: string } }) => w.file.id === result.json().id);
    expect(card).toMatchObject({
      dossierCode: d.code ?? expect.any(String),
      procedureName: { vi: expect.any(String) },
    });
    expect((await as('tranthibinh', { method: 'GET', url: '/api/dossiers/wallet' })).json().items).toEqual(
      [],
    );

    const next = (
      await as('nguyenvanan', {
        method: 'POST',
        url: '/api/dossiers',
        payload: { procedureCode: CARD, draft: true },
      })
    ).json();
    const reused = await as('nguyenvanan', {
      method: 'POST',
      url: `/api/dossiers/${next.id}/files/reuse`,
      payload: { component: 0, walletFileId: result.json().id },
    });
    expect(reused.statusCode, reused.body).toBe(201);
    expect(reused.json()).toMatchObject({
      reusedFromId: result.json().id,
      sha256: sha(PDF),
      componentIndex: 0,
    });
    expect(await events('nguyenvanan', next.id)).toContain('reuse');
    const [counted] = await ctx.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM dossier_file WHERE reused_from_id IS NOT NULL AND dossier_id = ${next.id}`,
    );
    expect(counted!.n).toBe(1);

    // Someone else's result is not in your wallet.
    const hers = (
      await as('tranthibinh', {
        method: 'POST',
        url: '/api/dossiers',
        payload: { procedureCode: CARD, draft: true },
      })
    ).json();
    const stolen = await as('tranthibinh', {
      method: 'POST',
      url: `/api/dossiers/${hers.id}/files/reuse`,
      payload: { component: 0, walletFileId: result.json().id },
    });
    expect(stolen.statusCode).toBe(404);
    expect(stolen.json().code).toBe('DOSSIER_FILE.NOT_IN_WALLET');
  });

  it('enforces the size limits per file and per dossier, with the sizes in the message', async () => {
    const d = (
      await as('tranthibinh', {
        method: 'POST',
        url: '/api/dossiers',
        payload: { procedureCode: CARD, draft: true },
      })
    ).json();
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 - PDF.length + 1, 0x20)]);
    const tooBig = await upload('tranthibinh', d.id, big, 'component=0&fileName=lon.pdf');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().detail).toContain('10 MB');
    const nine = Buffer.concat([PDF, Buffer.alloc(9 * 1024 * 1024, 0x20)]);
    for (let i = 0; i < 5; i++) {
      const ok = await upload('tranthibinh', d.id, nine, `component=0&fileName=phan-${i}.pdf`);
      expect(ok.statusCode, ok.body).toBe(201);
    }
    const over = await upload('tranthibinh', d.id, nine, 'component=0&fileName=phan-6.pdf');
    expect(over.statusCode).toBe(413);
    expect(over.json().code).toBe('DOSSIER_FILE.DOSSIER_TOO_LARGE');
    expect(over.json().detail).toContain('50 MB');
    expect((await files('tranthibinh', d.id)).items).toHaveLength(5);
  });

  // Issue 25, finding 6: uploads.
  const stored = (bytes: Buffer) => {
    const key = sha(bytes);
    return existsSync(path.join(ctx.config.filesDir, 'sha256', key.slice(0, 2), key));
  };
  const uniquePdf = (size: number) => Buffer.concat([PDF, randomBytes(size)]);

  it('stores nothing for a dossier the caller may not see or may not change now (was kept: 10 MB a request)', async () => {
    const twoMb = uniquePdf(2 * 1024 * 1024);
    const nowhere = await upload(
      'tranthibinh',
      '01900000-0000-7000-8000-00000000abcd',
      twoMb,
      'component=0&fileName=x.pdf',
    );
    expect(nowhere.statusCode).toBe(404);
    expect(stored(twoMb)).toBe(false);
    const his = (
      await as('nguyenvanan', {
        method: 'POST',
        url: '/api/dossiers',
        payload: { procedureCode: CARD, draft: true },
      })
    ).json();
    const notHers = await upload('tranthibinh', his.id, twoMb, 'component=0&fileName=x.pdf');
    expect(notHers.statusCode).toBe(404);
    expect(stored(twoMb)).toBe(false);
    // His own dossier, filed and waiting for the desk: not his to change now.
    expect((await command('nguyenvanan', his.id, { type: 'submit' })).statusCode).toBe(200);
    const notNow = await upload('nguyenvanan', his.id, twoMb, 'component=0&fileName=x.pdf');
    expect(notNow.statusCode).toBe(409);
    expect(stored(twoMb)).toBe(false);
    const [rows] = await ctx.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM dossier_file WHERE sha256 = ${sha(twoMb)}`,
    );
    expect(rows!.n).toBe(0);
  });

  it('keeps a file under its own name cleaned, with the extension of what it really is (a PDF never as x.html)', async () => {
    const d = (
      await as('nguyenvanan', {
        method: 'POST',
        url: '/api/dossiers',
        payload: { procedureCode: CARD, draft: true },
      })
    ).json();
    const nameOf = async (bytes: Buffer, fileName: string) => {
      const r = await upload(
        'nguyenvanan',
        d.id,
        bytes,
        `component=0&fileName=${encodeURIComponent(fileName)}`,
      );
      expect(r.statusCode, r.body).toBe(201);
      return r.json().fileName as string;
    };
    expect(await nameOf(uniquePdf(10), 'x.html')).toBe('x.pdf');
    expect(await nameOf(uniquePdf(10), '../../etc/passwd')).toBe('passwd.pdf');
    expect(await nameOf(uniquePdf(10), 'C:\\Users\\an\\Giấy tờ.pdf')).toBe('Giấy tờ.pdf');
    expect(await nameOf(uniquePdf(10), 'hóa\u202Efdp.exe\t\n')).toBe('hóafdp.pdf');
    expect(await nameOf(uniquePdf(10), '\u0000...')).toBe('tep.pdf');
    expect(await nameOf(PNG, 'Ảnh CCCD.JPEG')).toBe('Ảnh CCCD.png');
    // The download says the same, whatever was sent.
    const list = (await files('nguyenvanan', d.id)).items as unknown as { fileName: string; url: string }[];
    const first = list.find((f) => f.fileName === 'x.pdf')!;
    const got = await as('nguyenvanan', { method: 'GET', url: `${first.url}?download=1` });
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toContain('filename="x.pdf"');
    // A result's label is a name: control and direction characters are refused.
    const label = await upload(
      'chuyenvien',
      d.id,
      PDF,
      `purpose=result&label=${encodeURIComponent('Kết quả\u202E')}&fileName=k.pdf`,
    );
    expect(label.statusCode).toBe(400);
    expect(label.json().errors[0]).toMatchObject({ field: 'query.label' });
  });

  it('counts what a person uploads in a day, files taken off again included', async () => {
    const config = ctx.config as { UPLOAD_DAILY_MB_CITIZEN: number };
    const before = config.UPLOAD_DAILY_MB_CITIZEN;
    config.UPLOAD_DAILY_MB_CITIZEN = 1;
    try {
      const d = (
        await as('nguyenvanan', {
          method: 'POST',
          url: '/api/dossiers',
          payload: { procedureCode: CARD, draft: true },
        })
      ).json();
      const half = uniquePdf(600 * 1024);
      const first = await upload('nguyenvanan', d.id, half, 'component=0&fileName=a.pdf');
      expect(first.statusCode, first.body).toBe(201);
      // Taken off again: it still counts, or delete-and-upload would fill the disk.
      const gone = await as('nguyenvanan', {
        method: 'DELETE',
        url: `/api/dossiers/${d.id}/files/${first.json().id}`,
      });
      expect(gone.statusCode).toBe(204);
      const again = uniquePdf(600 * 1024);
      const over = await upload('nguyenvanan', d.id, again, 'component=0&fileName=b.pdf');
      expect(over.statusCode, over.body).toBe(429);
      expect(over.json().code).toBe('DOSSIER_FILE.DAILY_QUOTA');
      expect(over.json().detail).toContain('1 MB');
      expect(stored(again)).toBe(false);
      // Another person's day is their own.
      const hers = (
        await as('tranthibinh', {
          method: 'POST',
          url: '/api/dossiers',
          payload: { procedureCode: CARD, draft: true },
        })
      ).json();
      config.UPLOAD_DAILY_MB_CITIZEN = 200;
      expect((await upload('tranthibinh', hers.id, again, 'component=0&fileName=b.pdf')).statusCode).toBe(
        201,
      );
    } finally {
      config.UPLOAD_DAILY_MB_CITIZEN = before;
    }
  });

  it('sweeps the contents no record references, and only those', async () => {
    const storage = openStorage(ctx.config);
    const orphan = randomBytes(1000);
    await storage.put(orphan);
    // Everything stored so far is two hours old: the orphan, the file taken off in the quota test,
    // and every content a dossier file references.
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    const all: string[] = [];
    for await (const blob of storage.list()) all.push(blob.sha256);
    const where = (key: string) => path.join(ctx.config.filesDir, 'sha256', key.slice(0, 2), key);
    for (const key of all) await utimes(where(key), twoHoursAgo, twoHoursAgo);
    // One stored within the hour stays whatever references it: its row may be on its way.
    const fresh = randomBytes(1000);
    await storage.put(fresh);
    const referenced = (
      await ctx.database.rows<{ sha256: string }>(sql`SELECT DISTINCT sha256 FROM dossier_file`)
    ).map((r) => r.sha256);
    expect(referenced.length).toBeGreaterThan(5);
    const result = await sweepUnreferencedBlobs(ctx.database, ctx.config);
    expect(stored(orphan)).toBe(false);
    expect(stored(fresh)).toBe(true);
    for (const key of referenced) expect(existsSync(where(key)), key).toBe(true);
    expect(result).toMatchObject({ checked: all.length, removed: all.length - referenced.length });
    expect(result.removed).toBeGreaterThanOrEqual(2); // the orphan and the file taken off
    expect(await sweepUnreferencedBlobs(ctx.database, ctx.config)).toMatchObject({ removed: 0 });
  });
});
