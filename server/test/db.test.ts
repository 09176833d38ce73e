import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { appliedMigrationCount, migrate, migrationsCurrent, shippedMigrations } from '../src/db/migrate.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { describeEachEngine } from './support/databases.ts';

describeEachEngine('database', {}, (ctx) => {
  it('applies every shipped migration once and records it', async () => {
    expect(await appliedMigrationCount(ctx.database)).toBe(shippedMigrations().length);
    await migrate(ctx.database); // a second run is a no-op
    expect(await appliedMigrationCount(ctx.database)).toBe(shippedMigrations().length);
    expect(await migrationsCurrent(ctx.database)).toBe(true);
    const [row] = await ctx.database.rows<{ v: string }>(sql`SELECT f_unaccent(lower('Đồng Văn')) AS v`);
    expect(row?.v).toBe('dong van');
  });

  it('runs concurrent transactions without interleaving or losing updates', async () => {
    const db = ctx.database;
    await db.rows(sql`CREATE TABLE IF NOT EXISTS t_counter (id int PRIMARY KEY, n int NOT NULL)`);
    await db.rows(sql`INSERT INTO t_counter VALUES (1, 0)`);
    const workers = Array.from({ length: 40 }, () =>
      inTransaction(db, async (tx) => {
        const { rows } = (await tx.execute(
          sql`SELECT n FROM t_counter WHERE id = 1 FOR UPDATE`,
        )) as unknown as {
          rows: { n: number }[];
        };
        // Yield to the event loop between read and write: an interleaving would lose updates here.
        await new Promise((r) => setTimeout(r, 2));
        await tx.execute(sql`UPDATE t_counter SET n = ${rows[0]!.n + 1} WHERE id = 1`);
      }),
    );
    await Promise.all(workers);
    const [row] = await db.rows<{ n: number }>(sql`SELECT n FROM t_counter WHERE id = 1`);
    expect(row?.n).toBe(40);
    await db.rows(sql`DROP TABLE t_counter`);
  });

  it('writes nothing when a transaction fails half-way', async () => {
    const db = ctx.database;
    await db.rows(sql`CREATE TABLE IF NOT EXISTS t_atomic (id int PRIMARY KEY)`);
    await expect(
      inTransaction(db, async (tx) => {
        await tx.execute(sql`INSERT INTO t_atomic VALUES (1)`);
        await tx.execute(sql`INSERT INTO t_atomic VALUES (1)`); // duplicate key
      }),
    ).rejects.toThrow();
    const [row] = await db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM t_atomic`);
    expect(row?.n).toBe(0);
    await db.rows(sql`DROP TABLE t_atomic`);
  });
});
