import fs from 'node:fs';
import { loadEforms, loadProcessingTimes } from '../../../seed/catalog.ts';
import { openAndMigrate } from '../../db/open.ts';
import type { Verb } from '../../platform/cli.ts';
import { DomainError } from '../../platform/errors.ts';
import { progress } from '../../platform/progress.ts';
import { readLines } from '../../platform/text-files.ts';
import { changeReport, importCatalog } from './import.ts';

export const catalogVerbs: Record<string, Verb> = {
  catalog: {
    usage: 'cqs catalog import FILE [--enable-levels province,commune]',
    summary: `Import procedures from the National Public Service Portal's catalogue (JSON lines, .jsonl or gzip'd
.jsonl.gz, read as a stream). New procedures are added, changed ones get a new version, the rest are left alone, and
none is withdrawn; processing times, fees and documents are parsed from the published text where possible (the
original is kept). Prints what was added and changed, by code, and what was parsed. --enable-levels offers new
procedures of those levels on the province portal (default: province,commune; "none" for none).`,
    args: [2, 2],
    options: { 'enable-levels': { type: 'string' } },
    async run(config, [sub, file], flags) {
      if (sub !== 'import') {
        console.error('Usage: cqs catalog import FILE');
        return 2;
      }
      if (!fs.existsSync(file!)) {
        console.error(`Không có tệp / no such file: ${file}`);
        return 2;
      }
      const levels = String(flags['enable-levels'] ?? 'province,commune')
        .split(',')
        .filter((l): l is 'province' | 'commune' => l === 'province' || l === 'commune');
      const database = await openAndMigrate(config);
      try {
        console.error(`Đang đọc / reading ${file}…`);
        const r = await importCatalog(
          database,
          readLines(file!),
          { enableLevels: levels, eforms: loadEforms(), processingTimes: loadProcessingTimes() },
          (n) => progress('Thủ tục hành chính / procedures', n),
        );
        const s = r.stats;
        console.log(changeReport(r));
        console.log(
          `Parsed ${s.total} procedures: processing time ${s.withProcessingTime}/${s.total}, fees ${s.withFees}, free of charge ${s.feeFree}, documents for ${s.withDocuments} (${s.documentsTotal} in all); ${s.withProblems} with something left as text.`,
        );
        for (const p of s.topProblems) console.log(`  ${String(p.procedures).padStart(5)}  ${p.kind}`);
        return 0;
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        console.error(`${e.detail?.vi ?? e.spec.vi} / ${e.detail?.en ?? e.spec.en}`);
        return 2;
      } finally {
        await database.close();
      }
    },
  },
};
