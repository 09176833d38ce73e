import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemoPlan } from '../seed/dx-plan.ts';
import { seeded } from '../seed/synthetic/random.ts';
import { buildApp } from '../src/app.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { createPerson, findByLogin } from '../src/modules/identity/accounts.ts';
import { grantRole } from '../src/modules/identity/roles.ts';
import { createSession } from '../src/modules/identity/sessions.ts';
import { csrfTokenFor } from '../src/modules/identity/web-session.ts';
import { LAST_RESORT_CODES } from '../src/platform/http/problem.ts';
import { describeEachEngine } from './support/databases.ts';
import { useDemoSessions } from './support/demo.ts';

/**
 * Every operation the OpenAPI document lists, sent with malformed values as an anonymous caller, a
 * citizen, an official and an admin: no answer may be a 5xx (issue 25, "How to verify it stays
 * fixed"). The requests are generated from the document itself: a valid-ish baseline per operation
 * (real ids where the path or a field names one), then one field at a time replaced by a value it
 * should refuse or survive (wrong type, null, missing, boundary numbers and dates, long and hostile
 * strings, ids of the wrong kind). A few values per field, and a cap per operation, keep the file
 * within the test-time budget; the seed makes a run repeatable. An answer of the error handler's
 * last resort (a database constraint the request reached unchecked) fails it as a 5xx does.
 *
 * To dig deeper by hand: FUZZ_SEED=7 FUZZ_MAX_PROBES=150 (other values, more of them per operation),
 * FUZZ_VERBOSE=1 (the statuses of each operation, and each baseline the API refused).
 */

const SEED = Number(process.env.FUZZ_SEED ?? 25);
/** Requests per operation and role, baseline included (the budget, not the reach, sets it). */
const MAX_PROBES = Number(process.env.FUZZ_MAX_PROBES ?? 36);
/** Mutated values per field. */
const PER_FIELD = 4;

const PROCEDURE = '1.000426'; // Cấp thẻ tư vấn viên pháp luật: Sở Tư pháp, online
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200, 0)]);

/**
 * Text from many scripts, with emoji and combining marks, that a PDF or a spreadsheet has to print
 * without a glyph for it (invisible characters are refused at the door, so a record cannot hold them).
 */
const ODD_TEXT = 'Số 5 ngõ 3 😀 漢字かな 한국어 مرحبا שלום ﷽ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ẞ Å̊ ạ̣̣̣ <b>&amp;</b> %s %n {0} '.repeat(
  12,
);

type Role = 'anonymous' | 'citizen' | 'official' | 'admin';
const ROLES: readonly Role[] = ['anonymous', 'citizen', 'official', 'admin'];
/** The signed-in people of each role; officials and admins take turns, probe by probe. */
const PEOPLE: Record<Exclude<Role, 'anonymous'>, readonly string[]> = {
  citizen: ['nguyenvanan'],
  official: ['motcua', 'chuyenvien', 'lanhdao', 'chuyendoiso'],
  admin: ['quantri.so', 'quantri'],
};
const LOGINS = [...PEOPLE.citizen, ...PEOPLE.official, ...PEOPLE.admin];

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema as the OpenAPI document gives it
type Schema = any;
type Operation = {
  method: string;
  path: string;
  parameters: { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema: Schema }[];
  body: Schema | null;
};
type Probe = {
  what: string;
  path: Record<string, string>;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body?: { json: unknown } | { raw: Buffer | string; type?: string };
};
type Failure = {
  method: string;
  url: string;
  role: string;
  what: string;
  payload: string;
  status: number;
  body: string;
  error?: string;
};

/** The benchmarks' seeded generator, with a shuffled sample of a list. */
function prng(seed: number) {
  const rnd = seeded(seed);
  return {
    next: rnd.next,
    /** `n` items of `xs`, in a shuffled order. */
    sample: <T>(xs: readonly T[], n: number): T[] => {
      const copy = [...xs];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(rnd.next() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, n);
    },
  };
}

/** Query parameters an operation answers nothing useful without (a file's component). */
const ALWAYS_IN_QUERY = new Set(['component', 'indicator', 'fileName']);
/** The body of an operation that takes a file: what it should accept, before anything goes wrong. */
const rawBaseline = (path: string): { raw: Buffer | string; type: string } =>
  path.includes('/schedule/')
    ? {
        raw: 'date,kind,name_vi,name_en\n2026-09-01,day_off,Nghỉ Quốc khánh,National Day holiday\n',
        type: 'text/csv',
      }
    : path.includes('/plans/import')
      ? {
          raw: [
            'loai,ma,ten,nhom,chu_tri,phoi_hop,thoi_han,trang_thai,tien_do,don_vi,do_tu_dong,muc_tieu,ngay_ban_hanh,co_quan_ban_hanh,giai_doan',
            'ke_hoach,77/KH-FUZZ,Kế hoạch thử,,Sở Khoa học và Công nghệ,,,,,,,,01/03/2024,Ủy ban nhân dân tỉnh Tuyên Quang,2024-2026',
            'nhom,A,Hạ tầng số,,,,,,,,,,,,',
            'nhiem_vu,A.1,Nâng cấp mạng,A,Sở Khoa học và Công nghệ,,31/12/2025,,,,,,,,',
          ].join('\n'),
          type: 'text/csv',
        }
      : { raw: PDF, type: 'application/pdf' };
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-/i;
const HOSTILE_STRINGS = [
  '',
  ' ',
  'x'.repeat(5000),
  'ab\u0000cd',
  '\u0007\t\n\r\u001b[31m',
  '\u202Efdp.exe',
  "' OR '1'='1'; DROP TABLE identity_person; --",
  '../../../etc/passwd',
  '😀'.repeat(40),
  '\uD800',
  '1800-01-01',
  '9999-12-31',
  '-1',
  '1e309',
  'null',
  '__proto__',
];
/** An own "__proto__" key, as a JSON body can carry one (an object literal would set the prototype). */
const PROTO = JSON.parse('{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}');
const WRONG_TYPES: unknown[] = [null, 0, -1, 1.5, true, [], [{}], {}, PROTO];
const BAD_NUMBERS: unknown[] = [-1, 0, 1.5, 2 ** 31, 2 ** 53 + 2, 1e308, -1e308, '12', null];
const BAD_DATES = ['1800-01-01', '9999-12-31', '0001-01-01', '2026-02-30', '2026-13-01', ''];
const BAD_DATETIMES = [
  '1800-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '0001-01-01T00:00:00Z',
  '2026-06-15T25:00:00Z',
  '2026-06-15',
];

/** What a real id of each kind is, by the operation's path and the parameter's or field's name. */
type Pools = Record<string, string[]>;

describeEachEngine('fuzz: every documented operation, malformed, as each role', { seed: true }, (ctx) => {
  const holder = {} as { app: FastifyInstance };
  /** The error behind each 5xx, by request id (the problem body names only the request). */
  const errors = new Map<string, string>();
  beforeAll(async () => {
    holder.app = await buildApp({ config: ctx.config, database: ctx.database, logger: false });
    holder.app.addHook('onError', async (req, _reply, error) => {
      // Drizzle wraps the database's error: its code and message say more than the failed query.
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const what = cause?.code ? `${cause.code} ${cause.message}` : `${error.name}: ${error.message}`;
      errors.set(String(req.id), `${what} (${error.stack?.split('\n')[1]?.trim() ?? ''})`.slice(0, 500));
    });
    await holder.app.ready();
  });
  afterAll(async () => {
    await holder.app?.close();
  });
  const { ids, agencies, as } = useDemoSessions(ctx, holder, [...LOGINS, 'tranthibinh']);

  // The fuzz's own sessions: made again whenever a request ends one (logout, "end my sessions").
  const sessions: Record<string, { cookie: string; csrf: string }> = {};
  const signIn = async (login: string) => {
    const { token } = await inTransaction(ctx.database, (tx) =>
      createSession(tx, { personId: ids[login]!, idToken: null, userAgent: null, ip: null, hours: 2 }),
    );
    const csrf = csrfTokenFor(token);
    sessions[login] = { cookie: `cqs_session=${token}; cqs_csrf=${csrf}`, csrf };
  };

  const pools: Pools = {};
  /** The pass after the mutations: every baseline again, on what they left behind. */
  let after = false;
  const add = (kind: string, ...values: (string | undefined | null)[]) => {
    pools[kind] ??= [];
    for (const v of values) if (v && !pools[kind].includes(v)) pools[kind].push(v);
  };
  const ok = async (who: string, req: InjectOptions, status = 200) => {
    const res = await as(who, req);
    expect(res.statusCode, `${req.method} ${req.url}: ${res.body.slice(0, 500)}`).toBe(status);
    return res.json();
  };

  /** Real records for the ids the paths and bodies name: dossiers, files, people, sets, plans. */
  beforeAll(async () => {
    for (const login of LOGINS) await signIn(login);
    const units = await ok('nguyenvanan', { method: 'GET', url: '/api/admin-units?level=commune&limit=3' });
    add('commune', ...((units.items ?? units) as { code: string }[]).map((u) => u.code));
    // A person nobody fuzzes with, whose id the admin verbs may disable, unlock, grant …
    const target = await inTransaction(ctx.database, async (tx) => {
      const p = await createPerson(
        tx,
        { fullName: 'Cán bộ Thử Nghiệm', email: 'fuzz.target@fuzz.test', password: 'ChinhQuyenSo@2026' },
        { status: 'active' },
      );
      await grantRole(tx, p.id, agencies.chuyenvien!, 'specialist', null, null);
      return p;
    });
    const binh = await findByLogin(ctx.database.db, 'tranthibinh@demo.cqs.example');
    const motcuaXa = await findByLogin(ctx.database.db, 'motcua.xa@demo.cqs.example');
    add('person', target.id, binh?.id, motcuaXa?.id);
    // Handlers a leader may name, and officials of other agencies: ids of the right and wrong kind.
    add('official', ids.chuyenvien, ids.lanhdao, target.id, ids.motcua);

    // Dossiers: received ones the desk and the department work on, a draft, another citizen's.
    const file = async (who: string, draft = false) =>
      (
        await ok(
          who,
          {
            method: 'POST',
            url: '/api/dossiers',
            payload: {
              procedureCode: PROCEDURE,
              formData: { note: 'Xin cấp thẻ' },
              ...(draft ? { draft } : {}),
            },
          },
          201,
        )
      ).id as string;
    // First, one taken at the counter with text from many scripts in what its forms, receipts and
    // exports print.
    const odd = await ok(
      'motcua',
      {
        method: 'POST',
        url: '/api/dossiers/counter',
        payload: {
          procedureCode: PROCEDURE,
          channel: 'direct',
          deskAgencyId: agencies.motcua,
          applicant: {
            fullName: 'Nguyễn Thị Ánh Tuyết',
            cccd: null,
            phone: '0912345678',
            email: null,
            addressCommuneCode: pools.commune?.[0] ?? null,
            addressDetail: ODD_TEXT.slice(0, 300),
          },
          formData: { note: ODD_TEXT, [ODD_TEXT.slice(0, 40)]: ODD_TEXT, nested: { a: [ODD_TEXT, 1, null] } },
        },
      },
      201,
    );
    add('dossier', odd.id);
    for (let i = 0; i < 3; i++) {
      const id = await file('nguyenvanan');
      await ok('motcua', {
        method: 'POST',
        url: `/api/dossiers/${id}/commands`,
        payload: { type: 'receive' },
      });
      add('dossier', id);
    }
    // One more received dossier per lifecycle command, for the commands' own probes.
    for (let i = 0; i < 16; i++) {
      const id = await file('nguyenvanan');
      await ok('motcua', {
        method: 'POST',
        url: `/api/dossiers/${id}/commands`,
        payload: { type: 'receive' },
      });
      add('received', id);
    }
    const draft = await file('nguyenvanan', true);
    add('dossier', draft, await file('tranthibinh'));
    const uploaded = await ok(
      'nguyenvanan',
      {
        method: 'POST',
        url: `/api/dossiers/${draft}/files?component=0&fileName=don.pdf`,
        payload: PDF,
        headers: { 'content-type': 'application/pdf' },
      },
      201,
    );
    add('file', uploaded.id ?? uploaded.file?.id);
    const notices = await ok('nguyenvanan', { method: 'GET', url: '/api/notifications' });
    add('notification', ...(notices.items as { id: string }[]).map((n) => n.id));
    // Another person's session: "end that session" must not find it.
    const other = await inTransaction(ctx.database, (tx) =>
      createSession(tx, { personId: binh!.id, idToken: null, userAgent: null, ip: null, hours: 1 }),
    );
    add('session', other.session.id);

    const agencyList = await ok('nguyenvanan', { method: 'GET', url: '/api/agencies?limit=50' });
    const agencyItems = (agencyList.items ?? agencyList) as { id: string; code?: string }[];
    add('agency', ...Object.values(agencies), ...agencyItems.slice(0, 6).map((a) => a.id));
    add('agencyCode', ...agencyItems.slice(0, 4).map((a) => a.code));

    // A DX scorecard set, opened, with evidence from the leader's department.
    const set = await ok(
      'chuyendoiso',
      {
        method: 'POST',
        url: '/api/reporting/scorecards',
        payload: {
          code: 'DTI-FUZZ',
          year: 2025,
          name: 'Bộ chỉ số thử',
          subjectKind: 'department',
          indicators: [
            {
              pillar: 'Nhận thức số',
              code: 'NT1',
              name: 'Kế hoạch',
              maxPoints: 10,
              evidenceRequired: 'Văn bản',
            },
            { pillar: 'Hạ tầng số', code: 'HT1', name: 'Mạng', maxPoints: 20 },
          ],
        },
      },
      201,
    );
    const setId = set.set.id as string;
    await ok('chuyendoiso', {
      method: 'POST',
      url: `/api/reporting/scorecards/${setId}/status`,
      payload: { status: 'open' },
    });
    add('scorecardSet', setId);
    add('assessmentAgency', agencies.lanhdao, agencies.chuyendoiso);
    await ok(
      'lanhdao',
      {
        method: 'POST',
        url: `/api/reporting/scorecards/${setId}/assessments/${agencies.lanhdao}/evidence?indicator=NT1&fileName=kh.pdf`,
        payload: PDF,
        headers: { 'content-type': 'application/pdf' },
      },
      201,
    );
    add('sha256', createHash('sha256').update(PDF).digest('hex'));

    // The digital-transformation plan of the demo, its tasks and KPIs.
    await seedDemoPlan(ctx.database);
    const plans = await ok('chuyendoiso', { method: 'GET', url: '/api/reporting/plans' });
    const planId = plans.items[0].id as string;
    add('plan', planId);
    const plan = await ok('chuyendoiso', { method: 'GET', url: `/api/reporting/plans/${planId}` });
    add('task', ...(plan.tasks as { id: string }[]).slice(0, 3).map((t) => t.id));
    const kpis = await ok('chuyendoiso', { method: 'GET', url: `/api/reporting/plans/${planId}/kpis` });
    add('kpi', ...((kpis.items ?? kpis.kpis ?? []) as { id: string }[]).slice(0, 2).map((k) => k.id));

    // The catalogue's verbs (edit, disable) work on other procedures than the dossiers' one: of the
    // same department and online like it, so that the pass after the mutations can file them.
    const procedures = await ok('quantri', {
      method: 'GET',
      url: `/api/catalog/procedures?agency=${agencies.lanhdao}&level=province&online=full&limit=10`,
    });
    add(
      'procedure',
      ...(procedures.items as { code: string }[])
        .map((p) => p.code)
        .filter((c) => c !== PROCEDURE)
        .slice(0, 2),
    );
    // Each kind of real id found: an API that changed its answers must not quietly leave the fuzz
    // with random ids only.
    for (const kind of [
      'dossier',
      'received',
      'file',
      'person',
      'agency',
      'notification',
      'session',
      'scorecardSet',
      'sha256',
      'plan',
      'task',
      'kpi',
      'procedure',
      'commune',
    ])
      expect(pools[kind]?.length, `real ${kind} ids`).toBeGreaterThan(0);
  });

  /** Real values for a path parameter, by the route it belongs to. */
  const realFor = (path: string, name: string): string[] => {
    const kind =
      name === 'id'
        ? path.startsWith('/api/dossiers')
          ? 'dossier'
          : path.startsWith('/api/identity/persons')
            ? 'person'
            : path.startsWith('/api/me/sessions')
              ? 'session'
              : path.startsWith('/api/notifications')
                ? 'notification'
                : path.startsWith('/api/reporting/plans')
                  ? 'plan'
                  : 'dossier'
        : (
            {
              fileId: 'file',
              setId: 'scorecardSet',
              agencyId: 'assessmentAgency',
              sha256: 'sha256',
              taskId: 'task',
              kpiId: 'kpi',
            } as Record<string, string>
          )[name];
    // After the edits, the dossier the pass filed on the way comes first.
    if (kind === 'dossier' && after && pools.filed?.length) return [...pools.filed, ...(pools.dossier ?? [])];
    if (kind) return pools[kind] ?? [];
    if (name === 'code')
      return path.includes('admin-units')
        ? ['08', ...(pools.commune ?? [])]
        : (pools.procedure ?? [PROCEDURE]);
    if (name === 'year') return ['2026'];
    if (name === 'form') return ['01'];
    return [];
  };
  /** An id of another kind than the field wants: a person where an agency goes, and so on. */
  const wrongKind = (kind: string) => {
    const others = [
      'dossier',
      'person',
      'agency',
      'file',
      'scorecardSet',
      'plan',
      'task',
      'notification',
    ].filter((k) => k !== kind);
    return pools[others[Math.abs(hash(kind)) % others.length]!]?.[0] ?? randomUUID();
  };
  const hash = (s: string) => {
    let h = 0;
    for (const c of s) h = (h * 31 + c.charCodeAt(0)) | 0;
    return h;
  };
  /** The kind of id a body or query field names. */
  const idKindOfField = (name: string) => {
    const n = name.toLowerCase();
    if (n.includes('agency') || n === 'deskid') return 'agency';
    if (n.includes('handler') || n.includes('person') || n.includes('assignee') || n.includes('applicant'))
      return 'official';
    if (n.includes('file')) return 'file';
    if (n.includes('dossier')) return 'dossier';
    if (n.includes('task')) return 'task';
    return 'dossier';
  };

  // ---- values from the schema ---------------------------------------------------------------
  let doc: Schema;
  const deref = (s: Schema): Schema => {
    let cur = s;
    for (let i = 0; cur?.$ref && i < 10; i++) {
      const parts = String(cur.$ref).replace(/^#\//, '').split('/');
      cur = parts.reduce((o: Schema, k: string) => o?.[k], doc);
    }
    return cur ?? {};
  };
  /** The non-null alternatives of a schema (anyOf / oneOf), or the schema itself. */
  const alternatives = (s: Schema): Schema[] => {
    const d = deref(s);
    const alts = d.oneOf ?? d.anyOf;
    if (!alts) return [d];
    const nonNull = (alts as Schema[]).map(deref).filter((a) => a.type !== 'null');
    return nonNull.length ? nonNull : [d];
  };
  const PATTERN_EXAMPLES: [RegExp, (name: string) => string][] = [
    [/\[0-9a-fA-F\]\{8\}/, (n) => (pools[idKindOfField(n)] ?? [randomUUID()])[0]!],
    [/^\^\\d\{12\}\$$/, () => '001099000777'],
    [/^\^0\\d\{9,10\}\$$/, () => '0912345678'],
    [/^\^\\d\{5\}\$$/, () => pools.commune?.[0] ?? '02269'],
    [/T\(\?:\(\?:\[01\]/, () => '2026-06-15T08:00:00Z'],
    [/02-29/, () => '2026-06-15'],
    [/\\d\+\\\.\\d\{6\}/, () => (after ? (pools.procedure?.[0] ?? PROCEDURE) : PROCEDURE)],
    [/\[A-Z2-7\]/, () => 'JBSWY3DPEHPK3PXP'],
    [/\[0-9a-f\]\{64\}/, () => pools.sha256?.[0] ?? 'a'.repeat(64)],
    [/\[A-Z0-9\]\[A-Z0-9\._-\]/, () => 'FUZZ-1'],
    [/\\p\{L\}/, () => 'NT1'],
    [/\\d/, () => '08'],
  ];
  const NAMED: Record<string, () => unknown> = {
    agencyCode: () => pools.agencyCode?.[0] ?? 'H08.01',
    period: () => '2026-H1',
    email: () => `fuzz.${Math.floor(Math.random() * 1e9)}@example.com`,
    password: () => 'ChinhQuyenSo@2026!x',
    currentPassword: () => 'ChinhQuyenSo@2026!x',
    newPassword: () => 'ChinhQuyenSo@2027!x',
    fullName: () => 'Nguyễn Văn Thử',
    phone: () => '0912345678',
    cccd: () => '001099000777',
    taxCode: () => '0101234567',
    indicator: () => 'NT1',
    indicatorCode: () => 'NT1',
    code: () => 'DTI-FZ',
    token: () => 'x'.repeat(43),
  };
  const sampleOf = (schema: Schema, name: string, depth = 0): unknown => {
    const s = alternatives(schema)[0];
    if (s.const !== undefined) return s.const;
    if (s.enum) return s.enum[0];
    if (s.example !== undefined) return s.example;
    if (s.examples?.length) return s.examples[0];
    const named = NAMED[name];
    const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
    if (named && (type === 'string' || type === undefined)) return named();
    switch (type) {
      case 'string': {
        if (s.format === 'uuid' || String(s.pattern ?? '').includes('[0-9a-fA-F]{8}'))
          return (pools[idKindOfField(name)] ?? [randomUUID()])[0];
        if (s.format === 'date') return '2026-06-15';
        if (s.format === 'date-time') return '2026-06-15T08:00:00Z';
        if (s.pattern) {
          const hit = PATTERN_EXAMPLES.find(([re]) => re.test(s.pattern));
          if (hit) return hit[1](name);
        }
        const min = s.minLength ?? 1;
        return 'Thử nghiệm'.padEnd(Math.max(min, 3), 'x').slice(0, s.maxLength ?? 100);
      }
      case 'integer':
      case 'number': {
        const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
        const max = s.maximum ?? min + 10;
        return name === 'year' ? Math.min(Math.max(2026, min), max) : Math.min(Math.max(min, 1), max);
      }
      case 'boolean':
        return true;
      case 'array': {
        if (depth > 4) return [];
        const n = Math.max(s.minItems ?? 1, 1);
        return Array.from({ length: n }, () => sampleOf(s.items ?? {}, name, depth + 1));
      }
      default: {
        if (depth > 4 || !s.properties) return s.type === 'object' ? {} : (s.default ?? 'x');
        // The required fields only: each optional one is added, wrong, by a mutation of its own.
        const required = new Set<string>(s.required ?? []);
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(s.properties as Record<string, Schema>))
          if (required.has(k)) out[k] = sampleOf(v, k, depth + 1);
        return out;
      }
    }
  };

  /** Values a field of this schema should refuse (or survive), a few of them. */
  const badValuesFor = (schema: Schema, name: string, rng: ReturnType<typeof prng>): unknown[] => {
    const s = alternatives(schema)[0];
    const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
    const first: unknown[] = [];
    let rest: unknown[];
    if (s.enum) {
      first.push('not-in-the-list');
      rest = [...WRONG_TYPES, ...HOSTILE_STRINGS];
    } else if (
      type === 'string' &&
      (s.format === 'uuid' || String(s.pattern ?? '').includes('[0-9a-fA-F]{8}'))
    ) {
      const kind = idKindOfField(name);
      first.push(randomUUID(), wrongKind(kind));
      rest = ['00000000-0000-0000-0000-000000000000', 'not-a-uuid', ...WRONG_TYPES];
    } else if (type === 'string' && (s.format === 'date' || String(s.pattern ?? '').includes('02-29'))) {
      first.push(...(s.pattern?.includes('T(?:') ? BAD_DATETIMES : BAD_DATES).slice(0, 2));
      rest = [...BAD_DATES, ...BAD_DATETIMES, ...WRONG_TYPES];
    } else if (type === 'string') {
      // A string as long as allowed, of letters a database takes and a PDF has no glyph for (it
      // passes the checks, so it reaches what stores and prints it); the same with a bidi override
      // and a control character among the rest.
      const max = Math.min(s.maxLength ?? 5000, 5000);
      const long = (unit: string) =>
        Array.from(unit.repeat(Math.ceil(max / unit.length)))
          .slice(0, max)
          .join('');
      first.push(long('ăẞ漢😀 Ω'));
      rest = [long('\u202E\u0007ă'), ...HOSTILE_STRINGS, ...WRONG_TYPES];
    } else if (type === 'integer' || type === 'number') {
      if (s.maximum !== undefined) first.push(s.maximum);
      first.push((s.maximum ?? 2 ** 31) + 1);
      rest = [...BAD_NUMBERS, 'abc', ...HOSTILE_STRINGS.slice(0, 3)];
    } else if (type === 'boolean') {
      rest = ['true', 1, null, 'yes', []];
    } else if (type === 'array') {
      first.push(
        Array.from({ length: Math.min((s.maxItems ?? 100) + 1, 1001) }, () =>
          sampleOf(s.items ?? {}, name, 3),
        ),
      );
      rest = [
        [],
        [null],
        'x',
        {},
        null,
        [[[]]],
        [sampleOf(s.items ?? {}, name, 3), sampleOf(s.items ?? {}, name, 3)],
      ];
    } else {
      const deep: Record<string, unknown> = {};
      let cur = deep;
      for (let i = 0; i < 300; i++) cur = cur.a = {} as Record<string, unknown>;
      first.push(
        s.properties
          ? []
          : Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, 'x'.repeat(50)])),
      );
      rest = [null, 'x', 42, [], deep, { '\u0000': 1 }, PROTO];
    }
    return [...first, ...rng.sample(rest, Math.max(PER_FIELD - first.length, 1))].slice(0, PER_FIELD);
  };

  /** Every leaf of a body: [path, schema, required]. */
  const leaves = (schema: Schema, at: string[] = [], depth = 0): [string[], Schema, boolean][] => {
    const s = alternatives(schema)[0];
    const out: [string[], Schema, boolean][] = [];
    if (depth > 3) return out;
    if (s.type === 'object' && s.properties) {
      const required = new Set<string>(s.required ?? []);
      for (const [k, v] of Object.entries(s.properties as Record<string, Schema>)) {
        out.push([[...at, k], v, required.has(k)]);
        const inner = alternatives(v)[0];
        if (inner.type === 'object' && inner.properties) out.push(...leaves(v, [...at, k], depth + 1));
        if (inner.type === 'array' && alternatives(inner.items ?? {})[0].properties)
          out.push(...leaves(inner.items, [...at, k, '0'], depth + 1));
      }
    }
    return out;
  };
  const setAt = (obj: unknown, path: string[], value: unknown, remove = false): unknown => {
    const copy = structuredClone(obj) as Record<string, unknown>;
    let cur = copy as Record<string, unknown>;
    for (const k of path.slice(0, -1)) {
      if (cur[k] === null || typeof cur[k] !== 'object') return copy;
      cur = cur[k] as Record<string, unknown>;
    }
    const last = path.at(-1)!;
    if (remove) delete cur[last];
    else cur[last] = value;
    return copy;
  };

  const BAD_PATH = (): { what: string; value: string }[] => [
    { what: 'random uuid', value: randomUUID() },
    { what: 'nil uuid', value: '00000000-0000-0000-0000-000000000000' },
    { what: 'not a uuid', value: 'not-a-uuid' },
    { what: 'long', value: 'x'.repeat(190) },
    { what: 'RTL override', value: encodeURIComponent('\u202Eabc') },
    { what: 'SQL-ish', value: encodeURIComponent("1' OR '1'='1") },
    { what: 'negative', value: '-1' },
    { what: 'huge number', value: '99999999999999999999' },
    { what: 'NUL', value: '%00' },
    { what: 'dots', value: '..' },
  ];

  /** The probes of one operation: its baseline(s), then one thing wrong at a time. */
  const probesOf = (op: Operation, rng: ReturnType<typeof prng>): Probe[] => {
    const pathParams = op.parameters.filter((p) => p.in === 'path');
    const queryParams = op.parameters.filter((p) => p.in === 'query');
    const headerParams = op.parameters.filter((p) => p.in === 'header');
    const basePath: Record<string, string> = {};
    for (const p of pathParams)
      basePath[p.name] = realFor(op.path, p.name)[0] ?? String(sampleOf(p.schema, p.name));
    const baseQuery: Record<string, unknown> = {};
    for (const p of queryParams)
      if (p.required || ALWAYS_IN_QUERY.has(p.name) || rng.next() < 0.5)
        baseQuery[p.name] = sampleOf(p.schema, p.name);
    const baseHeaders: Record<string, string> = {};
    for (const p of headerParams) baseHeaders[p.name] = `fuzz-${randomUUID()}`;
    const variants: unknown[] = op.body
      ? (() => {
          const d = deref(op.body);
          return d.oneOf || d.anyOf ? alternatives(d).map((v) => sampleOf(v, '')) : [sampleOf(d, '')];
        })()
      : [undefined];
    const variantSchemas: Schema[] = op.body
      ? deref(op.body).oneOf || deref(op.body).anyOf
        ? alternatives(op.body)
        : [deref(op.body)]
      : [];
    const takesFile = !op.body && op.method === 'POST' && /\/(files|evidence|import)$/.test(op.path);
    // Each lifecycle command on a dossier of its own, received by the desk and untouched by the others.
    const variantPath = (vi: number): Record<string, string> =>
      op.path !== '/api/dossiers/{id}/commands'
        ? {}
        : after && pools.filed?.[0]
          ? { id: pools.filed[0] }
          : pools.received?.[vi]
            ? { id: pools.received[vi] }
            : {};
    const probe = (what: string, body: unknown, over: Partial<Probe> = {}): Probe => ({
      what,
      path: { ...basePath, ...over.path },
      query: over.query ?? { ...baseQuery },
      headers: { ...baseHeaders, ...over.headers },
      body: over.body ?? (op.body ? { json: body } : takesFile ? rawBaseline(op.path) : undefined),
    });
    const baselines = variants.map((v, i) =>
      probe(`baseline${variants.length > 1 ? ` #${i}` : ''}`, v, { path: variantPath(i) }),
    );
    const mutations: Probe[] = [];

    // Every real value of each path parameter, then malformed ones.
    for (const p of pathParams) {
      for (const real of realFor(op.path, p.name).slice(1, 3))
        mutations.push(probe(`path ${p.name}=real ${real}`, variants[0], { path: { [p.name]: real } }));
      const bad = [...BAD_PATH()];
      if (UUID_RE.test(basePath[p.name] ?? ''))
        bad.unshift({ what: 'id of another kind', value: wrongKind(p.name === 'id' ? 'dossier' : p.name) });
      for (const b of [bad[0]!, ...rng.sample(bad.slice(1), PER_FIELD)])
        mutations.push(probe(`path ${p.name}: ${b.what}`, variants[0], { path: { [p.name]: b.value } }));
    }
    // Each query parameter: all of them valid-ish, then one at a time wrong or missing.
    if (queryParams.length) {
      const all = Object.fromEntries(queryParams.map((p) => [p.name, sampleOf(p.schema, p.name)]));
      mutations.push(probe('query: every parameter', variants[0], { query: all }));
    }
    for (const p of queryParams) {
      for (const v of badValuesFor(p.schema, p.name, rng)) {
        const value = typeof v === 'object' && v !== null ? JSON.stringify(v) : v;
        mutations.push(
          probe(`query ${p.name}=${short(value)}`, variants[0], { query: { ...baseQuery, [p.name]: value } }),
        );
      }
      mutations.push(
        probe(`query ${p.name} twice`, variants[0], {
          query: { ...baseQuery, [p.name]: [sampleOf(p.schema, p.name), 'x'] },
        }),
      );
    }
    for (const p of headerParams)
      for (const v of ['', 'x', 'x'.repeat(101), '\u202E'.repeat(10)])
        mutations.push(
          probe(`header ${p.name}=${short(v)}`, variants[0], {
            headers: { [p.name]: encodeURIComponent(v) },
          }),
        );

    // The body: each field of each variant, one at a time.
    variantSchemas.forEach((vs, vi) => {
      const base = variants[vi];
      const fields = leaves(vs);
      const take = variantSchemas.length > 1 ? rng.sample(fields, 4) : fields;
      for (const [path, schema, required] of take) {
        const name = path.filter((k) => !/^\d+$/.test(k)).at(-1) ?? '';
        for (const v of badValuesFor(schema, name, rng))
          mutations.push(
            probe(`body #${vi} ${path.join('.')}=${short(v)}`, setAt(base, path, v), {
              path: variantPath(vi),
            }),
          );
        mutations.push(
          probe(
            `body #${vi} ${path.join('.')} missing${required ? ' (required)' : ''}`,
            setAt(base, path, undefined, true),
            {
              path: variantPath(vi),
            },
          ),
        );
      }
      if (vi === 0) {
        mutations.push(probe('body: extra fields', { ...(base as object), extra: 'x', ...PROTO }));
        for (const whole of [null, [], 'x', 42, [base]])
          mutations.push(probe(`body: ${JSON.stringify(whole)?.slice(0, 20)}`, whole));
        mutations.push(
          probe('body: not JSON', undefined, { body: { raw: '{"a":', type: 'application/json' } }),
        );
      }
    });
    // Operations that take a file as the body: a PDF, a program, CSV, garbage, nothing.
    if (takesFile) {
      const raws: { what: string; raw: Buffer | string; type?: string }[] = [
        { what: 'PDF', raw: PDF, type: 'application/pdf' },
        { what: 'program', raw: EXE, type: 'application/octet-stream' },
        { what: 'CSV', raw: 'a,b,c\n1,"2\n\u0000,3\n;;;\n', type: 'text/csv' },
        { what: 'CSV header only', raw: 'loai,ma,ten\n', type: 'text/csv' },
        { what: 'empty PDF', raw: Buffer.alloc(0), type: 'application/pdf' },
        { what: 'JSON', raw: '{"a":1}', type: 'application/json' },
      ];
      for (const r of raws) mutations.push(probe(`raw body: ${r.what}`, undefined, { body: r }));
    }
    const room = MAX_PROBES * Math.min(variants.length, 3) - baselines.length;
    const kept = mutations.length <= room ? mutations : evenly(mutations, room);
    return [...baselines, ...kept];
  };

  const failures: Failure[] = [];
  const statuses = new Map<number, number>();
  let requests = 0;
  let operations = 0;
  const slow: { op: string; ms: number }[] = [];
  const verbose: string[] = [];
  const opStatuses = new Map<number, number>();

  it('answers every documented operation without a 5xx, whatever the values and whoever asks', async () => {
    const started = Date.now();
    const res = await holder.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    doc = res.json();
    const ops: Operation[] = [];
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Schema>>))
      for (const [method, o] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        ops.push({
          method: method.toUpperCase(),
          path,
          parameters: (o.parameters ?? []) as Operation['parameters'],
          body: o.requestBody?.content?.['application/json']?.schema ?? null,
        });
      }
    expect(ops.length).toBeGreaterThan(100);
    // "Enable" after "disable", so that what the catalogue's verbs touched is offered again for the
    // pass after the mutations.
    const enables = ops.filter((o) => o.path.endsWith('/enable'));
    for (const e of enables) {
      ops.splice(ops.indexOf(e), 1);
      const disable = ops.findIndex((o) => o.path === e.path.replace(/\/enable$/, '/disable'));
      ops.splice(disable >= 0 ? disable + 1 : ops.length, 0, e);
    }

    const rng = prng(SEED);
    let turn = 0;
    for (const op of ops) {
      operations++;
      const opStarted = Date.now();
      const probes = probesOf(op, rng);
      // The people of each role the operation lets in (by their answers to the baselines) take
      // the mutations, so that those reach the code behind the permission check.
      const admitted = new Map<string, boolean>();
      for (const [i, p] of probes.entries()) {
        const baseline = p.what.startsWith('baseline');
        const callers: [Role, string | null][] = baseline
          ? [['anonymous', null], ...LOGINS.map((l) => [roleOf(l), l] as [Role, string])]
          : ROLES.map((r) => {
              if (r === 'anonymous') return [r, null];
              const inside = PEOPLE[r].filter((l) => admitted.get(l));
              const among = inside.length ? inside : PEOPLE[r];
              return [r, among[(turn + i) % among.length]!];
            });
        for (const [role, login] of callers) {
          const status = await send(op, p, role, login);
          if (baseline && login)
            admitted.set(login, admitted.get(login) || (status !== 401 && status !== 403));
        }
      }
      turn++;
      slow.push({ op: `${op.method} ${op.path}`, ms: Date.now() - opStarted });
      if (process.env.FUZZ_VERBOSE) {
        const seenHere = [...opStatuses.entries()].map(([st, n]) => `${st}×${n}`).join(' ');
        verbose.push(
          `${op.method} ${op.path}: ${probes.length} probes, ${Date.now() - opStarted} ms; ${seenHere}`,
        );
        opStatuses.clear();
      }
    }

    // Then every baseline again, as everyone, on what the mutations left behind (a procedure edited
    // with odd but accepted values, a set reopened, a schedule replaced …), filing a dossier of the
    // edited procedure on the way: a value one operation stores must not break another that reads it.
    after = true;
    const afterStarted = Date.now();
    const afterRng = prng(SEED + 1);
    for (const op of ops)
      for (const p of probesOf(op, afterRng).filter((x) => x.what.startsWith('baseline')))
        for (const login of [null, ...LOGINS])
          await send(
            op,
            { ...p, what: `after the mutations: ${p.what}` },
            login ? roleOf(login) : 'anonymous',
            login,
          );
    if (process.env.FUZZ_VERBOSE)
      verbose.push(`after pass: ${Date.now() - afterStarted} ms, filed ${pools.filed?.length ?? 0}`);

    if (verbose.length) console.log(verbose.join('\n'));
    const seen = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    slow.sort((a, b) => b.ms - a.ms);
    console.log(
      `fuzz: ${operations} operations, ${requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${SEED}); statuses ${seen.join(' ')}; slowest ${slow
        .slice(0, 3)
        .map((s) => `${s.op} ${s.ms} ms`)
        .join(', ')}`,
    );
    expect(
      failures.length,
      `${failures.length} answers ≥ 500 or of the last resort (a database constraint reached):\n${failures
        .map(
          (f) =>
            `${f.status} ${f.method} ${f.url} as ${f.role} (${f.what})\n  payload: ${f.payload}\n  answer: ${f.body}${f.error ? `\n  error: ${f.error}` : ''}`,
        )
        .join('\n')}`,
    ).toBe(0);
    // About 40 s on two shared cores; a request that hangs fails the test, not the whole run.
  }, 180_000);

  const roleOf = (login: string): Role =>
    (Object.entries(PEOPLE).find(([, ls]) => ls.includes(login))?.[0] as Role) ?? 'citizen';

  const send = async (op: Operation, p: Probe, role: Role, login: string | null) => {
    let url = op.path.replace(/\{(\w+)\}/g, (_, n: string) => p.path[n] ?? 'x');
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(p.query)) {
      if (v === undefined) continue;
      for (const item of Array.isArray(v) ? v : [v]) qs.append(k, String(item));
    }
    if ([...qs].length) url += `?${qs.toString()}`;
    const headers: Record<string, string> = { ...p.headers };
    let payload: string | Buffer | undefined;
    if (p.body && 'json' in p.body) {
      if (p.body.json !== undefined) {
        payload = JSON.stringify(p.body.json) ?? 'null';
        headers['content-type'] = 'application/json';
      }
    } else if (p.body) {
      payload = p.body.raw;
      if (p.body.type) headers['content-type'] = p.body.type;
    }
    if (login) {
      const s = sessions[login]!;
      headers.cookie = s.cookie;
      headers['x-csrf-token'] = s.csrf;
    }
    const req: InjectOptions = {
      method: op.method as InjectOptions['method'],
      url,
      headers,
      payload,
      // Each request from its own address: per-address limits would answer 429 to the rest.
      remoteAddress: `10.${(requests >> 16) & 255}.${(requests >> 8) & 255}.${requests & 255}`,
    };
    const res = await holder.app.inject(req);
    requests++;
    opStatuses.set(res.statusCode, (opStatuses.get(res.statusCode) ?? 0) + 1);
    if (
      after &&
      res.statusCode === 201 &&
      (op.path === '/api/dossiers' || op.path === '/api/dossiers/counter')
    ) {
      pools.filed ??= [];
      pools.filed.unshift((res.json() as { id: string }).id);
    }
    if (process.env.FUZZ_VERBOSE && p.what.startsWith('baseline') && res.statusCode === 400)
      verbose.push(
        `  baseline 400 as ${login}: ${p.what} ${short(payload ?? '', 200)} -> ${res.body.slice(0, 300)}`,
      );
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    // A last-resort answer (a constraint the request reached unchecked) is a bug as much as a 5xx.
    const lastResort =
      res.statusCode >= 400 &&
      String(res.headers['content-type'] ?? '').includes('problem+json') &&
      LAST_RESORT_CODES.includes(String((res.json() as { code?: unknown }).code));
    if (res.statusCode >= 500 || lastResort) {
      failures.push({
        method: op.method,
        url: url.length > 300 ? `${url.slice(0, 300)}…` : url,
        role: login ? `${role} ${login}` : role,
        what: p.what,
        payload:
          typeof payload === 'string' ? short(payload, 300) : payload ? `<${payload.length} bytes>` : '',
        status: res.statusCode,
        body: res.body.slice(0, 300),
        error: errors.get(String(res.headers['x-request-id'])),
      });
    }
    // A request that ended the session (logout, "end my sessions", a password change): sign in again.
    if (login && (res.statusCode === 401 || /logout|sessions|password|totp/.test(op.path))) {
      const me = await holder.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { cookie: sessions[login]!.cookie },
      });
      if (me.statusCode === 401) await signIn(login);
    }
    return res.statusCode;
  };
});

/** `n` items spread evenly over `xs`, keeping the first of each kind of change. */
function evenly<T>(xs: T[], n: number): T[] {
  if (n <= 0) return [];
  const step = xs.length / n;
  return Array.from({ length: n }, (_, i) => xs[Math.floor(i * step)]!);
}

function short(v: unknown, max = 60): string {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  // Control and bidi characters shown as escapes, so the report reads as what was sent.
  const safe = Array.from(s, (c) => {
    const code = c.codePointAt(0)!;
    return code < 0x20 || code === 0x202e ? `\\u${code.toString(16).padStart(4, '0')}` : c;
  }).join('');
  return safe.length > max ? `${safe.slice(0, max)}…(${s.length})` : safe;
}
