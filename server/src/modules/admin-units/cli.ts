import fs from 'node:fs';
import path from 'node:path';
import { openAndMigrate } from '../../db/open.ts';
import { vietnamDateOf } from '../../platform/calendar/vietnam-time.ts';
import type { Verb } from '../../platform/cli.ts';
import { DomainError } from '../../platform/errors.ts';
import { progress } from '../../platform/progress.ts';
import { readBytes } from '../../platform/text-files.ts';
import { importAdminUnits, unitChangeReport } from './import.ts';

const USAGE =
  'cqs admin-units import --communes FILE [--provinces FILE] [--effective YYYY-MM-DD] [--source TEXT] [--dry-run]';

export const adminUnitVerbs: Record<string, Verb> = {
  'admin-units': {
    usage: USAGE,
    summary: `Load a newer list of administrative units: communes as CSV in the columns of
server/seed/reference/admin-units/communes-2025.csv (code,name,type,province_code,province_name), and optionally
provinces in those of provinces-2025.csv (code,name,type); .csv or gzip'd. The whole list is checked first (every
error names its line and column, and then nothing is written); then, in one transaction, new codes are added, a
unit whose name, type or province changed gets a new version linked to the old one, and units of the provinces in
the file that it no longer lists end on the effective date (kept for old records, never deleted). --effective is
the day the list takes effect (default today, not later); --dry-run checks and reports without writing. Prints
every unit added, renamed, changed and ended.`,
    args: 1,
    options: {
      communes: { type: 'string' },
      provinces: { type: 'string' },
      effective: { type: 'string' },
      source: { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
    async run(config, [sub], flags) {
      const communes = flags.communes as string | undefined;
      const provinces = flags.provinces as string | undefined;
      if (sub !== 'import' || !communes) {
        console.error(`Usage: ${USAGE}`);
        return 2;
      }
      for (const file of [communes, provinces]) {
        if (file && !fs.existsSync(file)) {
          console.error(`Không có tệp / no such file: ${file}`);
          return 2;
        }
      }
      const source = (file: string) => ({ name: path.basename(file), bytes: readBytes(file) });
      const today = vietnamDateOf(new Date());
      const database = await openAndMigrate(config);
      try {
        const r = await importAdminUnits(
          database,
          {
            communes: source(communes),
            provinces: provinces ? source(provinces) : undefined,
            effectiveOn: (flags.effective as string | undefined) ?? today,
            today,
            source: flags.source as string | undefined,
            dryRun: Boolean(flags['dry-run']),
          },
          (n) => progress('Đơn vị hành chính / administrative units', n),
        );
        console.log(unitChangeReport(r));
        return 0;
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        console.error(`${e.detail?.vi ?? e.spec.vi}\n${e.detail?.en ?? e.spec.en}`);
        for (const f of e.fieldErrors) console.error(`  ${f.vi}\n    ${f.en}`);
        return 2;
      } finally {
        await database.close();
      }
    },
  },
};
