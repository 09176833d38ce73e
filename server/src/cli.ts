import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD, listDemoAccounts } from '../seed/demo.ts';
import { moduleVerbs, seedModules } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import type { Database } from './db/engine.ts';
import { openAndMigrate } from './db/open.ts';
import { importPglite } from './db/pglite-import.ts';
import { isNewDatabase, startPlatform } from './main.ts';
import { BackupError, backup, restore, rowCount } from './platform/backup.ts';
import type { Verb } from './platform/cli.ts';
import { boundHeapGrowth } from './platform/heap.ts';
import { progress } from './platform/progress.ts';
import { isWebChild, startCluster } from './web-processes.ts';

const bar = (label: string) => (total: number) => progress(label, total);

async function demoBanner(database: Database): Promise<string> {
  const accounts = await listDemoAccounts(database);
  if (accounts.length === 0) return '';
  const lines = accounts.map(
    (a) =>
      `    ${a.email.padEnd(40)} ${a.name}${a.roles.length ? ` — ${a.roles.join('; ')}` : ' — công dân / citizen'}`,
  );
  return `  Tài khoản demo / demo accounts (mật khẩu / password: ${DEMO_PASSWORD}); cán bộ thiết lập xác thực hai lớp ở lần đăng nhập đầu / officials set up two-factor sign-in at first login:
${lines.join('\n')}
`;
}

const verbs: Record<string, Verb> = {
  start: {
    usage: 'cqs start',
    summary:
      'Migrate the database, load reference data if it is new, and serve the API and the web app on PORT (default 3000).',
    async run(config) {
      boundHeapGrowth(config.HEAP_GROWTH_PERCENT);
      if (isWebChild()) {
        // One of WEB_PROCESSES: the primary prints the banner and stops it with SIGTERM.
        const running = await startPlatform(config);
        process.on('SIGINT', () => {});
        process.once('SIGTERM', () => void running.close().then(() => process.exit(0)));
        return undefined;
      }
      const clustered = config.WEB_PROCESSES > 1 && config.ROLES.includes('web');
      const running = clustered ? await startCluster(config) : await startPlatform(config);
      const { database } = running;
      const web = running.roles.includes('web');
      console.log(`
Chính quyền số đang chạy / is running (ROLES=${running.roles.join(',')}${clustered ? `, WEB_PROCESSES=${config.WEB_PROCESSES}` : ''})
${web ? `  Trang web / web app:      ${running.url}/\n  Tài liệu API / API docs:  ${running.url}/api/docs\n` : ''}  Sức khỏe / health:        ${running.url}/healthz  ${running.url}/readyz  ${running.url}/metrics
  Cơ sở dữ liệu / database: ${database.describe}
  Tỉnh / province:          ${config.PROVINCE_CODE}
  Thư điện tử / mail:       ${running.mailer}
${web ? await demoBanner(database) : ''}Dừng: Ctrl+C / Stop: Ctrl+C`);
      const stop = async (signal: string) => {
        console.log(`\n${signal}: đang dừng / stopping…`);
        await running.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
      return undefined; // keep running
    },
  },
  migrate: {
    usage: 'cqs migrate',
    summary: 'Apply the committed SQL migrations that the database has not applied yet.',
    async run(config) {
      const database = await openAndMigrate(config);
      console.log(`Migrations applied: ${database.describe}`);
      await database.close();
      return 0;
    },
  },
  seed: {
    usage: 'cqs seed [--demo]',
    summary:
      "Load reference data: the 2025 administrative map (34 provinces, 3,321 communes), the pre-2025 units with the merge links, and the province's agencies. Safe to repeat. --demo also loads demo records of the modules that have them.",
    options: { demo: { type: 'boolean' } },
    async run(config, _args, flags) {
      const database = await openAndMigrate(config);
      try {
        const log = (line: string) => console.log(line);
        await seedModules(
          { database, config, log, progress },
          flags.demo ? ['reference', 'demo'] : ['reference'],
        );
        console.log(
          `Dữ liệu tham chiếu đã nạp / reference data loaded${flags.demo ? ', with the demo' : ''}.`,
        );
      } finally {
        await database.close();
      }
      return 0;
    },
  },
  backup: {
    usage: 'cqs backup FILE',
    summary:
      "Write a full, consistent backup (one snapshot, gzip'd JSON lines) of the database to FILE. It restores into the embedded PostgreSQL or a PostgreSQL server.",
    args: 1,
    async run(config, [file]) {
      const database = await openAndMigrate(config);
      try {
        const r = await backup(database, path.resolve(file!), bar('Sao lưu / backup'));
        console.log(`Backup written: ${file} (${r.tables} tables, ${r.rows} rows)`);
      } finally {
        await database.close();
      }
      return 0;
    },
  },
  restore: {
    usage: 'cqs restore FILE [--force]',
    summary:
      "Replace the database's content with the backup in FILE, in one transaction. Refuses a database that has data unless --force is given.",
    args: 1,
    options: { force: { type: 'boolean' } },
    async run(config, [file], flags) {
      const database = await openAndMigrate(config);
      try {
        if (!flags.force && !(await isNewDatabase(database)) && (await rowCount(database)) > 0) {
          console.error(
            'Cơ sở dữ liệu đã có dữ liệu; thêm --force để ghi đè. / The database has data; add --force to replace it.',
          );
          return 2;
        }
        const r = await restore(database, path.resolve(file!), bar('Khôi phục / restore'));
        console.log(`Restored ${r.rows} rows in ${r.tables} tables from ${file}`);
      } finally {
        await database.close();
      }
      return 0;
    },
  },
  'import-pglite': {
    usage: 'cqs import-pglite [--force]',
    summary:
      'Move the PGlite database of an earlier release (DATA_DIR/pgdata) into the embedded PostgreSQL (DATA_DIR/postgres); the old folder is kept as pgdata.imported.',
    options: { force: { type: 'boolean' } },
    async run(config, _args, flags) {
      if (config.DATABASE_URL) {
        console.error(
          'import-pglite moves data into the embedded PostgreSQL: unset DATABASE_URL (or use cqs backup/restore)',
        );
        return 2;
      }
      const database = await openAndMigrate(config);
      try {
        const r = await importPglite(config.DATA_DIR, database, {
          force: Boolean(flags.force),
          progress: bar,
        });
        console.log(
          `Đã chuyển / moved ${r.rows} rows in ${r.tables} tables into ${database.describe}\n  PGlite folder kept at ${r.keptAt}\n  backup file: ${r.backupFile}`,
        );
      } finally {
        await database.close();
      }
      return 0;
    },
  },
};

Object.assign(verbs, moduleVerbs());

function help(): string {
  const lines = Object.values(verbs).map((v) => `  ${v.usage.padEnd(28)} ${v.summary}`);
  return `cqs — Chính quyền số command line\n\nUsage:\n${lines.join('\n')}\n\nEach verb takes --help. Configuration comes from environment variables (see docs/operations.md).`;
}

export async function main(argv: string[]): Promise<number | undefined> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return 0;
  }
  const verb = verbs[name];
  if (!verb) {
    console.error(`Lệnh không tồn tại / unknown command: ${name}\n\n${help()}`);
    return 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { help: { type: 'boolean', short: 'h' }, ...verb.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    console.error(`${(e as Error).message}\nUsage: ${verb.usage}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(`Usage: ${verb.usage}\n\n${verb.summary}`);
    return 0;
  }
  const [min, max] = Array.isArray(verb.args) ? verb.args : [verb.args ?? 0, verb.args ?? 0];
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    console.error(`Usage: ${verb.usage}`);
    return 2;
  }
  const config = loadConfig();
  return verb.run(config, parsed.positionals, parsed.values);
}

const isEntry = process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]));
if (isEntry) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code !== undefined) process.exit(code);
    },
    (e: unknown) => {
      if (e instanceof ConfigError || e instanceof BackupError) {
        console.error(e.message);
      } else {
        console.error(e);
      }
      process.exit(1);
    },
  );
}
