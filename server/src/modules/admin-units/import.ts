/**
 * Loading a newer list of administrative units, as a province downloads it: a CSV of communes in the
 * columns of `server/seed/reference/admin-units/communes-2025.csv` (code, name, type, province_code,
 * province_name) and optionally one of provinces in those of `provinces-2025.csv` (code, name, type).
 *
 * Units are versioned, never overwritten or deleted (old records keep the names they were made with):
 * - a code not in force is added, in force from the effective date;
 * - a unit whose name, type or province changed gets a new version from the effective date, the old one
 *   ends that day, and a succession link joins them (so `GET /api/admin-units/{code}?at=…` and the
 *   resolver still answer for the old name);
 * - a unit in force that the file no longer lists ends on the effective date. Only units of the provinces
 *   the communes file covers are compared, so a province can load its own list alone.
 * The whole file is checked first (row by row in import-csv.ts, then against the units in force); any error
 * names its line and column and nothing is written. The writes happen in one transaction, with an audit entry.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database, Tx } from '../../db/engine.ts';
import { inTransaction } from '../../db/transaction.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { FieldError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Progress } from '../../platform/progress.ts';
import { AdminUnitErrors } from './errors.ts';
import {
  type CsvSource,
  type Fields,
  type ImportProblem,
  Problems,
  type Row,
  readCommunes,
  readProvinces,
} from './import-csv.ts';
import { provinceFullName, splitUnitName } from './names.ts';
import { adminUnitSuccessions, adminUnits } from './schema.ts';

export type { CsvSource, ImportProblem } from './import-csv.ts';

export type UnitImportInput = {
  communes: CsvSource;
  provinces?: CsvSource;
  /** YYYY-MM-DD: the day the list takes effect (new versions begin, dropped units end); not after today. */
  effectiveOn: string;
  /** Today in Vietnam (YYYY-MM-DD), the latest allowed effective date. */
  today: string;
  /** Recorded on the rows written (default: the file names). */
  source?: string;
  /** Check and report, write nothing. */
  dryRun?: boolean;
  actorId?: string | null;
};

type Level = 'province' | 'commune';
export type UnitRef = { level: Level; code: string } & Fields;
export type UnitChange = UnitRef & { before: Fields };

export type UnitImportResult = {
  effectiveOn: string;
  dryRun: boolean;
  /** The provinces whose communes the file lists (the others' communes were not compared). */
  provincesCovered: string[];
  added: UnitRef[];
  /** Units whose name changed (and perhaps their type or province too). */
  renamed: UnitChange[];
  /** Units whose type or province changed, under the same name. */
  changed: UnitChange[];
  unchanged: number;
  /** Units in force that the file no longer lists: they end on the effective date. */
  ended: UnitRef[];
};

/** How many errors are reported before the check stops listing them. */
const MAX_PROBLEMS = 50;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

type Current = { id: string; code: string; validFrom: string | null } & Fields;

const fieldsOf = (u: Fields): Fields => ({ name: u.name, type: u.type, provinceCode: u.provinceCode });
const refOf = (level: Level, code: string, f: Fields): UnitRef => ({ level, code, ...fieldsOf(f) });

/** Compares the rows with the units in force: what to add, version and end. */
function plan(level: Level, rows: Row[], current: Current[], scope: (u: Current) => boolean) {
  const byCode = new Map(current.map((u) => [u.code, u]));
  const listed = new Set(rows.map((r) => r.code));
  const added: Row[] = [];
  const versioned: { row: Row; old: Current; renamed: boolean }[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const old = byCode.get(row.code);
    if (!old) added.push(row);
    else if (old.name === row.name && old.type === row.type && old.provinceCode === row.provinceCode)
      unchanged++;
    else versioned.push({ row, old, renamed: old.name !== row.name });
  }
  const ended = current.filter((u) => !listed.has(u.code) && scope(u));
  return { level, added, versioned, unchanged, ended };
}

async function currentUnits(tx: Tx, level: Level): Promise<Current[]> {
  return tx
    .select({
      id: adminUnits.id,
      code: adminUnits.code,
      name: adminUnits.name,
      type: adminUnits.type,
      provinceCode: adminUnits.provinceCode,
      validFrom: adminUnits.validFrom,
    })
    .from(adminUnits)
    .where(and(eq(adminUnits.level, level), isNull(adminUnits.validTo)));
}

function invalid(problems: ImportProblem[]): never {
  const n = problems.length;
  const fieldErrors: FieldError[] = problems.map((p) => ({
    field: [p.file, p.line, p.column].filter((x) => x !== null).join(':'),
    vi: p.vi,
    en: p.en,
  }));
  throw AdminUnitErrors.create(
    'IMPORT_INVALID',
    {
      vi: `Danh sách có ${n >= MAX_PROBLEMS ? `từ ${MAX_PROBLEMS}` : n} lỗi; không có gì được ghi.`,
      en: `The list has ${n >= MAX_PROBLEMS ? `${MAX_PROBLEMS} or more` : n} error${n === 1 ? '' : 's'}; nothing was written.`,
    },
    fieldErrors.slice(0, MAX_PROBLEMS),
  );
}

/**
 * Checks the files, compares them with the units in force and (unless `dryRun`) writes the changes in one
 * transaction. Throws ADMIN_UNITS.IMPORT_INVALID, with one field error per problem, when anything is wrong.
 */
export async function importAdminUnits(
  database: Database,
  input: UnitImportInput,
  makeProgress: (total: number) => Progress,
): Promise<UnitImportResult> {
  const problems = new Problems();
  const option = (vi: string, en: string) => problems.add('--effective', null, null, vi, en);
  const dateOk = isDate(input.effectiveOn);
  if (!dateOk) {
    option(
      `ngày hiệu lực "${input.effectiveOn}" không hợp lệ; cần dạng YYYY-MM-DD.`,
      `the effective date "${input.effectiveOn}" is not a date; expected YYYY-MM-DD.`,
    );
  } else if (input.effectiveOn > input.today) {
    option(
      `ngày hiệu lực ${input.effectiveOn} sau hôm nay (${input.today}); hãy nạp danh sách khi nó có hiệu lực.`,
      `the effective date ${input.effectiveOn} is after today (${input.today}); load the list when it takes effect.`,
    );
  }
  const provinceRows = input.provinces ? readProvinces(input.provinces, problems) : null;
  const communeRows = readCommunes(input.communes, problems);
  if (communeRows.length === 0 && problems.list.length === 0) {
    problems.add(input.communes.name, null, null, 'tệp không có xã nào.', 'the file lists no commune.');
  }
  // The rows that passed go on to be checked against the database, so one run names every error.

  const on = input.effectiveOn;
  const source =
    input.source ?? [input.communes.name, input.provinces?.name].filter((n): n is string => !!n).join(', ');

  return inTransaction(database, async (tx) => {
    const provincesNow = await currentUnits(tx, 'province');
    const communesNow = await currentUnits(tx, 'commune');
    // The provinces in force once the file is loaded: the file's, or the database's when it has none.
    const provincesAfter = new Map(
      (provinceRows ?? provincesNow).map((p) => [p.code, { name: p.name, type: p.type }] as const),
    );
    const provincePlan = provinceRows ? plan('province', provinceRows, provincesNow, () => true) : null;

    for (const row of communeRows) {
      const province = provincesAfter.get(row.provinceCode);
      if (!province) {
        problems.add(
          input.communes.name,
          row.line,
          'province_code',
          `không có tỉnh mã ${row.provinceCode}${provinceRows ? ' trong danh sách tỉnh' : ' đang có hiệu lực'}.`,
          `no province has code ${row.provinceCode}${provinceRows ? ' in the provinces file' : ' in force'}.`,
        );
      } else if (row.provinceName && provinceFullName(row.provinceName, province.type) !== province.name) {
        problems.add(
          input.communes.name,
          row.line,
          'province_name',
          `"${row.provinceName}" không phải tên tỉnh mã ${row.provinceCode} (${province.name}).`,
          `"${row.provinceName}" is not the name of province ${row.provinceCode} (${province.name}).`,
        );
      }
    }
    const covered = new Set(communeRows.map((r) => r.provinceCode));
    const communePlan = plan('commune', communeRows, communesNow, (u) => covered.has(u.provinceCode));

    // Communes that stay in force untouched (their province is not covered) need their province to stay too.
    if (provincePlan) {
      const listedCommunes = new Set(communeRows.map((r) => r.code));
      for (const p of provincePlan.ended) {
        const orphans = communesNow.filter((c) => c.provinceCode === p.code && !listedCommunes.has(c.code));
        if (orphans.length > 0 && !covered.has(p.code)) {
          problems.add(
            input.provinces!.name,
            null,
            null,
            `${p.name} (${p.code}) không còn trong danh sách tỉnh nhưng ${orphans.length} xã của tỉnh không có trong tệp xã (vd. ${orphans[0]!.name}).`,
            `${p.name} (${p.code}) is no longer listed but ${orphans.length} of its communes are not in the communes file (e.g. ${orphans[0]!.name}).`,
          );
        }
      }
    }
    // A new version must begin after the one it replaces (codes are unique per level and end date).
    const dated = dateOk ? [provincePlan, communePlan].filter((x) => x !== null) : [];
    for (const { level, versioned, ended } of dated) {
      const file = level === 'province' ? input.provinces!.name : input.communes.name;
      for (const { row, old } of versioned) {
        if (old.validFrom !== null && old.validFrom >= on) {
          problems.add(
            file,
            row.line,
            null,
            `${old.name} (${old.code}) có hiệu lực từ ${old.validFrom}; ngày hiệu lực của danh sách (${on}) phải sau ngày đó.`,
            `${old.name} (${old.code}) is in force since ${old.validFrom}; the list's effective date (${on}) must be later.`,
          );
        }
      }
      for (const old of ended) {
        if (old.validFrom !== null && old.validFrom >= on) {
          problems.add(
            file,
            null,
            null,
            `${old.name} (${old.code}) không còn trong tệp nhưng có hiệu lực từ ${old.validFrom}; ngày hiệu lực (${on}) phải sau ngày đó.`,
            `${old.name} (${old.code}) is not listed any more but is in force since ${old.validFrom}; the effective date (${on}) must be later.`,
          );
        }
      }
    }
    if (problems.list.length > 0) invalid(problems.list);

    const plans = [provincePlan, communePlan].filter((x) => x !== null);
    const result: UnitImportResult = {
      effectiveOn: on,
      dryRun: input.dryRun ?? false,
      provincesCovered: [...covered].sort(),
      added: plans.flatMap((p) => p.added.map((r) => refOf(p.level, r.code, r))),
      renamed: plans.flatMap((p) =>
        p.versioned
          .filter((v) => v.renamed)
          .map((v) => ({ ...refOf(p.level, v.row.code, v.row), before: fieldsOf(v.old) })),
      ),
      changed: plans.flatMap((p) =>
        p.versioned
          .filter((v) => !v.renamed)
          .map((v) => ({ ...refOf(p.level, v.row.code, v.row), before: fieldsOf(v.old) })),
      ),
      unchanged: plans.reduce((n, p) => n + p.unchanged, 0),
      ended: plans.flatMap((p) => p.ended.map((u) => refOf(p.level, u.code, u))),
    };
    if (input.dryRun) return result;

    const writes = plans.reduce((n, p) => n + p.added.length + p.versioned.length + p.ended.length, 0);
    const progress = makeProgress(writes);
    let done = 0;
    const row = (level: Level, r: Row): typeof adminUnits.$inferInsert => ({
      id: newId(),
      code: r.code,
      name: r.name,
      shortName: splitUnitName(r.name).shortName,
      type: r.type,
      level,
      parentCode: level === 'commune' ? r.provinceCode : null,
      provinceCode: r.provinceCode,
      validFrom: on,
      validTo: null,
      source,
    });
    for (const p of plans) {
      // Old versions end first: their code is then free for the new version.
      const ending = [...p.ended.map((u) => u.id), ...p.versioned.map((v) => v.old.id)];
      for (let i = 0; i < ending.length; i += 1000) {
        await tx
          .update(adminUnits)
          .set({ validTo: on })
          .where(inArray(adminUnits.id, ending.slice(i, i + 1000)));
      }
      const fresh = [...p.added.map((r) => row(p.level, r))];
      const links: (typeof adminUnitSuccessions.$inferInsert)[] = [];
      for (const v of p.versioned) {
        const next = row(p.level, v.row);
        fresh.push(next);
        links.push({ successorId: next.id, predecessorId: v.old.id, extent: 'full', effectiveOn: on });
      }
      for (let i = 0; i < fresh.length; i += 1000) {
        await tx.insert(adminUnits).values(fresh.slice(i, i + 1000));
      }
      for (let i = 0; i < links.length; i += 1000) {
        await tx.insert(adminUnitSuccessions).values(links.slice(i, i + 1000));
      }
      done += p.added.length + p.versioned.length + p.ended.length;
      progress.tick(done);
    }
    await appendAudit(tx, {
      actorId: input.actorId ?? null,
      action: 'admin_units.imported',
      subjectType: 'admin_units',
      subjectId: null,
      details: {
        source,
        effectiveOn: on,
        added: result.added.map((u) => u.code),
        renamed: result.renamed.map((u) => u.code),
        changed: result.changed.map((u) => u.code),
        ended: result.ended.map((u) => u.code),
        unchanged: result.unchanged,
      },
    });
    progress.finish(
      `${result.added.length} added, ${result.renamed.length} renamed, ${result.changed.length} changed, ${result.ended.length} ended`,
    );
    return result;
  });
}

/** The report printed after an import: counts, then every unit that changed, by code. */
export function unitChangeReport(r: UnitImportResult): string {
  const label = (u: UnitRef) => `${u.code}  ${u.name}`;
  const lines = [
    `${r.dryRun ? 'Thử (không ghi) / dry run (nothing written)' : 'Đã nạp / loaded'}, hiệu lực / effective ${r.effectiveOn}; tỉnh có trong tệp xã / provinces covered: ${r.provincesCovered.length}.`,
    `Thêm / added: ${r.added.length}; đổi tên / renamed: ${r.renamed.length}; thay đổi khác / other changes: ${r.changed.length}; không đổi / unchanged: ${r.unchanged}; hết hiệu lực / ended: ${r.ended.length}.`,
  ];
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(`${title}:`);
    for (const item of items) lines.push(`  ${item}`);
  };
  section(
    'Thêm / added',
    r.added.map((u) => label(u)),
  );
  section(
    'Đổi tên / renamed',
    r.renamed.map((u) => `${u.code}  ${u.before.name} → ${u.name}`),
  );
  section(
    'Thay đổi khác / other changes',
    r.changed.map((u) =>
      `${label(u)}: ${u.before.type !== u.type ? `${u.before.type} → ${u.type} ` : ''}${u.before.provinceCode !== u.provinceCode ? `tỉnh/province ${u.before.provinceCode} → ${u.provinceCode}` : ''}`.trim(),
    ),
  );
  section(
    'Hết hiệu lực (không còn trong tệp; giữ lại cho hồ sơ cũ) / ended (not listed any more; kept for old records)',
    r.ended.map((u) => label(u)),
  );
  return lines.join('\n');
}
