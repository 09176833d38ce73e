import { once } from 'node:events';
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/engine.ts';
import { shippedMigrations } from '../db/migrate.ts';
import type { Progress } from './progress.ts';

/**
 * Logical, engine-neutral backups: gzip'd JSON lines, one table after another in foreign-key
 * order, taken in one REPEATABLE READ snapshot. The same file restores into the embedded
 * PostgreSQL or a PostgreSQL server, so it also moves an embedded deployment onto a server.
 *
 *   {"format":"cqs-backup","version":1,...,"migrations":[...],"tables":[{"name","rows"}]}
 *   {"table":"admin_unit","rows":N}
 *   <N lines: row_to_json of each row>
 *   {"end":true,"rows":TOTAL}
 */
const FORMAT = 'cqs-backup';
const VERSION = 1;
const BATCH = 1000;

type Header = {
  format: string;
  version: number;
  createdAt: string;
  engine: string;
  migrations: string[];
  tables: { name: string; rows: number }[];
};

export class BackupError extends Error {
  override name = 'BackupError';
}

type Runner = { rows<T>(q: ReturnType<typeof sql>): Promise<T[]> };
const runner = (tx: Tx): Runner => ({
  rows: async <T>(q: ReturnType<typeof sql>) => ((await tx.execute(q)) as unknown as { rows: T[] }).rows,
});

/** The app's tables (schema public), parents before children. */
async function tablesInDependencyOrder(db: Runner): Promise<string[]> {
  const tables = (
    await db.rows<{ name: string }>(sql`
      SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`)
  ).map((r) => r.name);
  const edges = await db.rows<{ child: string; parent: string }>(sql`
    SELECT cc.relname AS child, pc.relname AS parent FROM pg_constraint k
    JOIN pg_class cc ON cc.oid = k.conrelid JOIN pg_class pc ON pc.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = k.connamespace
    WHERE k.contype = 'f' AND n.nspname = 'public' AND k.conrelid <> k.confrelid`);
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (ordered.includes(t) || visiting.has(t)) return;
    visiting.add(t);
    for (const e of edges) if (e.child === t) visit(e.parent);
    ordered.push(t);
  };
  tables.forEach(visit);
  return ordered;
}

async function write(out: NodeJS.WritableStream, line: string) {
  if (!out.write(`${line}\n`)) await once(out, 'drain');
}

export async function backup(
  database: Database,
  file: string,
  makeProgress: (total: number) => Progress,
): Promise<{ tables: number; rows: number }> {
  const tmp = `${file}.partial`;
  const gzip = zlib.createGzip();
  const sink = fs.createWriteStream(tmp);
  gzip.pipe(sink);
  let total = 0;
  let tableCount = 0;
  try {
    await database.db.transaction(
      async (tx) => {
        const db = runner(tx);
        const tables = await tablesInDependencyOrder(db);
        const counts: Header['tables'] = [];
        for (const name of tables) {
          const [r] = await db.rows<{ n: number }>(
            sql`SELECT count(*)::int AS n FROM ${sql.identifier(name)}`,
          );
          counts.push({ name, rows: r?.n ?? 0 });
        }
        tableCount = tables.length;
        const header: Header = {
          format: FORMAT,
          version: VERSION,
          createdAt: new Date().toISOString(),
          engine: database.embedded ? 'embedded' : 'server',
          migrations: shippedMigrations(),
          tables: counts,
        };
        await write(gzip, JSON.stringify(header));
        const progress = makeProgress(counts.reduce((a, t) => a + t.rows, 0));
        for (const { name, rows } of counts) {
          await write(gzip, JSON.stringify({ table: name, rows }));
          await tx.execute(
            sql`DECLARE cqs_backup NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${sql.identifier(name)} t`,
          );
          for (;;) {
            const batch = await db.rows<{ j: string }>(sql.raw(`FETCH ${BATCH} FROM cqs_backup`));
            if (batch.length === 0) break;
            await write(gzip, batch.map((b) => b.j).join('\n'));
            total += batch.length;
            progress.tick(total);
          }
          await tx.execute(sql`CLOSE cqs_backup`);
        }
        await write(gzip, JSON.stringify({ end: true, rows: total }));
        progress.finish(`${tableCount} tables`);
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    gzip.end();
    await once(sink, 'close');
    fs.renameSync(tmp, file);
  } catch (e) {
    gzip.destroy();
    sink.destroy();
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return { tables: tableCount, rows: total };
}

/** Columns that point at their own table (agency → parent agency), restored in a second pass. */
async function selfReferences(db: Runner, table: string): Promise<string[]> {
  const rows = await db.rows<{ col: string }>(sql`
    SELECT a.attname AS col FROM pg_constraint k
    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
    WHERE k.contype = 'f' AND k.conrelid = k.confrelid AND k.conrelid = ${table}::regclass`);
  return rows.map((r) => r.col);
}

async function primaryKey(db: Runner, table: string): Promise<string[]> {
  const rows = await db.rows<{ col: string }>(sql`
    SELECT a.attname AS col FROM pg_index i
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
    WHERE i.indrelid = ${table}::regclass AND i.indisprimary`);
  return rows.map((r) => r.col);
}

async function insertBatch(tx: Tx, table: string, lines: string[], selfRefs: string[]) {
  const json = `[${lines.join(',')}]`;
  const t = sql.identifier(table);
  // json_populate_recordset gives each value its column's type, whatever the engine.
  const source = selfRefs.length
    ? sql`(SELECT json_agg(e::jsonb ${sql.raw(selfRefs.map((c) => `- '${c}'`).join(' '))}) FROM json_array_elements(${json}::json) e)`
    : sql`${json}::json`;
  // Generated columns (e.g. a procedure's folded search key) are computed again, never written.
  const columns = sql.join(
    (await writableColumns(tx, table)).map((c) => sql.identifier(c)),
    sql`, `,
  );
  await tx.execute(
    sql`INSERT INTO ${t} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${t}, ${source})`,
  );
}

async function writableColumns(tx: Tx, table: string): Promise<string[]> {
  const rows = await runner(tx).rows<{ c: string }>(sql`
    SELECT column_name AS c FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table} AND is_generated = 'NEVER'
    ORDER BY ordinal_position`);
  return rows.map((r) => r.c);
}

async function patchSelfReferences(tx: Tx, table: string, lines: string[], selfRefs: string[], pk: string[]) {
  const t = sql.identifier(table);
  const set = sql.join(
    selfRefs.map((c) => sql`${sql.identifier(c)} = s.${sql.identifier(c)}`),
    sql`, `,
  );
  const match = sql.join(
    pk.map((c) => sql`${t}.${sql.identifier(c)} = s.${sql.identifier(c)}`),
    sql` AND `,
  );
  await tx.execute(
    sql`UPDATE ${t} SET ${set} FROM json_populate_recordset(NULL::${t}, ${`[${lines.join(',')}]`}::json) s WHERE ${match}`,
  );
}

/** Serial and identity columns continue after the restored rows' highest value. */
async function resetSequences(db: Runner) {
  const seqs = await db.rows<{ t: string; col: string; seq: string }>(sql`
    SELECT c.relname AS t, a.attname AS col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
      AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`);
  for (const s of seqs) {
    await db.rows(
      sql`SELECT setval(${s.seq}, COALESCE((SELECT max(${sql.identifier(s.col)}) FROM ${sql.identifier(s.t)}), 0) + 1, false)`,
    );
  }
}

/** Rows in the app's tables; restore refuses to overwrite a database that has any unless forced. */
export async function rowCount(database: Database): Promise<number> {
  return database.db.transaction(async (tx) => {
    const db = runner(tx);
    let n = 0;
    for (const name of await tablesInDependencyOrder(db)) {
      const [r] = await db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(name)}`);
      n += r?.n ?? 0;
    }
    return n;
  });
}

/**
 * Replaces every table's content with the backup's, in one transaction: on any error
 * (a truncated file, a row that does not fit) nothing changes.
 */
export async function restore(
  database: Database,
  file: string,
  makeProgress: (total: number) => Progress,
): Promise<{ tables: number; rows: number }> {
  if (!fs.existsSync(file)) throw new BackupError(`No such file: ${file}`);
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const it = lines[Symbol.asyncIterator]();
  const next = async (): Promise<string | undefined> => {
    const r = await it.next();
    return r.done ? undefined : r.value;
  };
  try {
    let header: Header;
    try {
      header = JSON.parse((await next()) ?? '') as Header;
    } catch {
      throw new BackupError(`${file} is not a Chính quyền số backup (cannot read its header)`);
    }
    if (header.format !== FORMAT || header.version !== VERSION) {
      throw new BackupError(`${file} is not a Chính quyền số backup of format version ${VERSION}`);
    }
    const shipped = shippedMigrations();
    if (JSON.stringify(header.migrations) !== JSON.stringify(shipped)) {
      throw new BackupError(
        `The backup was made at schema version ${header.migrations.at(-1)}; this build is at ${shipped.at(-1)}. Restore it with the matching release.`,
      );
    }
    const expected = new Map(header.tables.map((t) => [t.name, t.rows]));
    const total = header.tables.reduce((a, t) => a + t.rows, 0);

    return await database.db.transaction(async (tx) => {
      const db = runner(tx);
      const tables = await tablesInDependencyOrder(db);
      const unknown = header.tables.filter((t) => !tables.includes(t.name)).map((t) => t.name);
      if (unknown.length)
        throw new BackupError(`The backup has tables this database lacks: ${unknown.join(', ')}`);
      // User triggers (e.g. the audit trail's append-only guard) would refuse the replacement; they
      // are off only inside this transaction.
      for (const t of tables) await tx.execute(sql`ALTER TABLE ${sql.identifier(t)} DISABLE TRIGGER USER`);
      if (tables.length) {
        await tx.execute(
          sql`TRUNCATE ${sql.join(
            tables.map((t) => sql.identifier(t)),
            sql`, `,
          )} RESTART IDENTITY CASCADE`,
        );
      }
      const progress = makeProgress(total);
      let done = 0;
      let line = await next();
      while (line !== undefined) {
        const section = JSON.parse(line) as { table?: string; rows?: number; end?: boolean };
        if (section.end) {
          if (section.rows !== total || done !== total) {
            throw new BackupError(`The backup is inconsistent: ${done} rows read, ${total} announced`);
          }
          await resetSequences(db);
          for (const t of tables) await tx.execute(sql`ALTER TABLE ${sql.identifier(t)} ENABLE TRIGGER USER`);
          progress.finish(`${header.tables.length} tables`);
          return { tables: header.tables.length, rows: done };
        }
        const table = section.table;
        if (!table || expected.get(table) !== section.rows)
          throw new BackupError(`Unexpected section in backup: ${line.slice(0, 80)}`);
        const selfRefs = await selfReferences(db, table);
        const pk = selfRefs.length ? await primaryKey(db, table) : [];
        const all: string[] = [];
        let batch: string[] = [];
        for (let i = 0; i < (section.rows ?? 0); i++) {
          const row = await next();
          if (row === undefined)
            throw new BackupError(`The backup ends inside table ${table}: the file is truncated`);
          batch.push(row);
          if (selfRefs.length) all.push(row);
          if (batch.length === BATCH) {
            await insertBatch(tx, table, batch, selfRefs);
            done += batch.length;
            progress.tick(done);
            batch = [];
          }
        }
        if (batch.length) {
          await insertBatch(tx, table, batch, selfRefs);
          done += batch.length;
          progress.tick(done);
        }
        for (let i = 0; i < all.length; i += BATCH) {
          await patchSelfReferences(tx, table, all.slice(i, i + BATCH), selfRefs, pk);
        }
        line = await next();
      }
      throw new BackupError('The backup has no end marker: the file is truncated');
    });
  } catch (e) {
    if (e instanceof BackupError) throw e;
    if (
      (e as NodeJS.ErrnoException).code === 'Z_DATA_ERROR' ||
      (e as NodeJS.ErrnoException).code === 'Z_BUF_ERROR'
    ) {
      throw new BackupError(`${file} is not a gzip'd Chính quyền số backup, or it is damaged`);
    }
    throw e;
  } finally {
    lines.close();
    input.destroy();
  }
}
