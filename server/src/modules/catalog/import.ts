import { createHash } from 'node:crypto';
import { and, count, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/engine.ts';
import { inTransaction } from '../../db/transaction.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Progress } from '../../platform/progress.ts';
import { agencies } from '../identity/schema.ts';
import { CatalogErrors } from './errors.ts';
import {
  type CatalogueStats,
  type ParsedCatalogue,
  type ParsedProcedure,
  parseNationalCatalogue,
  parseNationalLines,
} from './parse-national.ts';
import { createVersion, insertProcedure, type VersionPatch } from './procedures.ts';
import { type Duration, type EForm, procedures, procedureVersions } from './schema.ts';

export type ImportOptions = {
  /** Procedures of these levels are offered on the province's portal (the others stay listed only). */
  enableLevels: ('province' | 'commune')[];
  /** E-forms by national code, attached to those procedures. */
  eforms?: Record<string, EForm>;
  /** Statutory times for procedures whose record gives none the parser can read (a bare "1"). */
  processingTimes?: Record<string, Duration>;
};

type Named = { code: string; name: string };

export type ImportResult = {
  inserted: number;
  versioned: number;
  unchanged: number;
  /** What changed: the new procedures, and those whose published record changed (each got a new version). */
  added: Named[];
  changed: Named[];
  /** Procedures in the database that the file does not list: left as they are (a partial file withdraws none). */
  notInFile: number;
  stats: CatalogueStats;
};

type Agency = { id: string; name: string; kind: string };

/**
 * The agency of this province that decides a procedure, from the published implementing
 * agency: "Sở Xây dựng" → our "Sở Xây dựng tỉnh …". Commune procedures stay unmapped: the commune
 * where the dossier is filed decides, which the dossier knows.
 */
function agencyMapper(list: Agency[]) {
  const departments = list
    .filter((a) => a.kind === 'department' || a.kind === 'inspectorate')
    .map((a) => ({ id: a.id, base: a.name.replace(/ tỉnh .*$| thành phố .*$/, '').toLowerCase() }));
  const committee = list.find((a) => a.kind === 'provincial_committee');
  return (p: ParsedProcedure): string | null => {
    const text = `${p.implementingAgency ?? ''} ${p.competentAuthority ?? ''}`.toLowerCase();
    const hit = departments.find((d) => text.includes(d.base));
    if (hit) return hit.id;
    if (
      committee &&
      /ủy ban nhân dân (cấp )?tỉnh|ubnd (cấp )?tỉnh/.test(text) &&
      p.levels.includes('province')
    )
      return committee.id;
    return null;
  };
}

function contentOf(
  p: ParsedProcedure,
  agencyId: string | null,
  eform: EForm | null,
  knownTime: Duration | null,
) {
  const kinds = [...new Set(p.channels.map((c) => c.channel))];
  const online = kinds.includes('online');
  return {
    name: { vi: p.name },
    field: p.field,
    levels: p.levels,
    competentAuthority: p.competentAuthority ?? p.implementingAgency,
    competentAgencyId: agencyId,
    receivingPlaces: p.receivingPlaces,
    applicantTypes: p.applicantTypes,
    conditions: p.conditions,
    legalBasis: p.legalBasis,
    resultType: p.resultType,
    results: p.results,
    // Decree 224/2026: full-online by default; a partial service must publish why.
    onlineType: online ? 'full' : 'partial',
    partialReason: online
      ? null
      : 'Cơ sở dữ liệu quốc gia về thủ tục hành chính chưa công bố hình thức nộp trực tuyến cho thủ tục này.',
    channels: kinds,
    processingTime: p.processingTime ?? knownTime,
    processingTimeText:
      [...new Set(p.channels.map((c) => c.durationText).filter(Boolean))].join(' / ') || null,
    fees: p.fees.map((f) => ({ label: f.label, amountVnd: f.amountVnd })),
    feeText: [...new Set(p.channels.map((c) => c.feeText).filter(Boolean))].join(' / ') || null,
    feeFree: p.feeFree,
    level2FeeWaived: false,
    documents: p.documents.map((d) => ({ ...d, reusable: false })),
    eform,
  };
}

/**
 * Imports the national catalogue (JSON lines as published, as the whole text or its lines streamed from a
 * file): new procedures are added at version 1; a procedure whose published text changed gets a new
 * version; the rest are left alone.
 */
export async function importCatalog(
  database: Database,
  jsonl: string | AsyncIterable<string>,
  options: ImportOptions,
  makeProgress: (total: number) => Progress,
  actorId: string | null = null,
): Promise<ImportResult> {
  let parsed: ParsedCatalogue;
  try {
    parsed = typeof jsonl === 'string' ? parseNationalCatalogue(jsonl) : await parseNationalLines(jsonl);
  } catch (e) {
    throw CatalogErrors.create('IMPORT_FAILED', {
      vi: `Không đọc được tệp: ${(e as Error).message}`,
      en: (e as Error).message,
    });
  }
  if (parsed.procedures.length === 0) {
    throw CatalogErrors.create('IMPORT_FAILED', {
      vi: 'Tệp không có thủ tục nào.',
      en: 'The file holds no procedure.',
    });
  }
  const { db } = database;
  const mapAgency = agencyMapper(
    (await db.select({ id: agencies.id, name: agencies.name, kind: agencies.kind }).from(agencies)).map(
      (a) => ({ ...a, name: a.name.vi }),
    ),
  );
  const progress = makeProgress(parsed.procedures.length);
  const result = { inserted: 0, versioned: 0, unchanged: 0 };
  const added: Named[] = [];
  const changed: Named[] = [];
  const BATCH = 200;
  for (let i = 0; i < parsed.procedures.length; i += BATCH) {
    const chunk = parsed.procedures.slice(i, i + BATCH);
    await inTransaction(database, async (tx) => {
      const codes = chunk.map((p) => p.code);
      const existing = await tx
        .select({ code: procedures.code, raw: procedureVersions.raw })
        .from(procedures)
        .innerJoin(
          procedureVersions,
          and(eq(procedureVersions.procedureId, procedures.id), eq(procedureVersions.isCurrent, true)),
        )
        .where(inArray(procedures.code, codes));
      const fingerprintOf = new Map(
        existing.map((e) => [e.code, (e.raw as { fingerprint?: string } | null)?.fingerprint]),
      );
      for (const p of chunk) {
        const content = contentOf(
          p,
          mapAgency(p),
          options.eforms?.[p.code] ?? null,
          options.processingTimes?.[p.code] ?? null,
        );
        // What was published, fingerprinted: an unchanged record makes no new version.
        const fingerprint = createHash('sha256')
          .update(JSON.stringify([p.code, p.name, p.raw, p.levels, p.field]))
          .digest('hex');
        const raw = { source: p.raw, problems: p.problems, fingerprint };
        if (!fingerprintOf.has(p.code)) {
          const enabled = p.levels.some((l) => (options.enableLevels as string[]).includes(l));
          await insertProcedure(tx, p.code, { ...content, source: 'national_catalogue', raw }, enabled);
          result.inserted++;
          added.push({ code: p.code, name: p.name });
        } else if (fingerprintOf.get(p.code) !== fingerprint) {
          // The published content follows the national database; what the province decides
          // (its e-form, how it offers the service, which agency decides, fee waivers) stays.
          const {
            eform: _e,
            onlineType: _o,
            partialReason: _r,
            competentAgencyId: _a,
            level2FeeWaived: _w,
            ...published
          } = content;
          await createVersion(
            tx,
            p.code,
            { ...(published as VersionPatch), raw },
            actorId,
            'national_catalogue',
          );
          result.versioned++;
          changed.push({ code: p.code, name: p.name });
        } else {
          result.unchanged++;
        }
      }
      progress.tick(i + chunk.length);
    });
  }
  const [outside] = await db
    .select({ n: count() })
    .from(procedures)
    .where(
      notInArray(
        procedures.code,
        parsed.procedures.map((p) => p.code),
      ),
    );
  const notInFile = outside?.n ?? 0;
  await inTransaction(database, (tx) =>
    appendAudit(tx, {
      actorId,
      action: 'catalog.imported',
      subjectType: 'catalog',
      subjectId: null,
      details: { ...result, notInFile, total: parsed.procedures.length, changed: changed.map((c) => c.code) },
    }),
  );
  // New rows of a GIN index wait in its pending list until a vacuum, and autovacuum's next pass
  // may be far off. Until then every catalogue search scans that list
  // (measured: the trigram index costed out of use, 97 ms a search instead of 30).
  if (result.inserted + result.versioned > 0)
    await database.rows(sql`VACUUM ANALYZE catalog_procedure_version`);
  progress.finish(`${result.inserted} new, ${result.versioned} new versions, ${result.unchanged} unchanged`);
  return { ...result, added, changed, notInFile, stats: parsed.stats };
}

/** How many codes of each change the report names (all are counted). */
const LISTED = 20;

/** What the import changed, for the person who ran it: counts, then the procedures by code. */
export function changeReport(r: ImportResult): string {
  const lines = [
    `Thêm mới / added: ${r.inserted}; cập nhật (phiên bản mới) / changed (new version): ${r.versioned}; không đổi / unchanged: ${r.unchanged}.`,
  ];
  const list = (title: string, items: ImportResult['added']) => {
    if (items.length === 0) return;
    lines.push(`${title}:`);
    for (const p of items.slice(0, LISTED)) lines.push(`  ${p.code}  ${p.name}`);
    if (items.length > LISTED)
      lines.push(`  … ${items.length - LISTED} more / còn ${items.length - LISTED} thủ tục nữa`);
  };
  list('Thêm mới / added', r.added);
  list('Cập nhật / changed', r.changed);
  if (r.notInFile > 0)
    lines.push(
      `${r.notInFile} thủ tục đã có không nằm trong tệp, giữ nguyên / ${r.notInFile} procedures of the catalogue are not in the file: left as they are.`,
    );
  return lines.join('\n');
}
