// WEB_PROCESSES > 1: `cqs start` serves HTTP from that many processes on one port (node:cluster),
// so every core serves requests; one Node process is single-threaded and a submission is CPU-bound
// in it. The first process (the primary) migrates, seeds, runs the embedded PostgreSQL when there
// is no DATABASE_URL, and runs the background jobs if ROLES has `worker`; it does not serve HTTP
// itself (the port belongs to the cluster). The web processes join its database.
import cluster, { type Worker } from 'node:cluster';
import type { Config } from './config.ts';
import { type Running, startPlatform } from './main.ts';

/** True in a web process that a primary forked. */
export const isWebChild = () => cluster.isWorker;

/**
 * Starts the primary: its own part (no HTTP), then the web processes, each restarted if it dies.
 * Resolves when all of them listen.
 */
export async function startCluster(
  config: Config,
  log: (line: string) => void = console.log,
): Promise<Running> {
  const own = config.ROLES.filter((r) => r !== 'web');
  const primary = await startPlatform({ ...config, ROLES: own.length ? own : ['worker'] }, log, {
    listen: false,
    jobs: own.length > 0,
  });
  let stopping = false;
  const fork = () =>
    cluster.fork({
      ROLES: 'web',
      // The children join the database the primary opened (the embedded server's URL included).
      DATABASE_URL: primary.database.url,
    });
  const listening = (w: Worker) =>
    new Promise<void>((resolve, reject) => {
      w.once('listening', () => resolve());
      w.once('exit', (code) =>
        reject(new Error(`web process ${w.process.pid} exited (${code}) before listening`)),
      );
    });
  cluster.on('exit', (w, code, signal) => {
    if (stopping) return;
    log(`web process ${w.process.pid} stopped (${signal ?? code}); starting another`);
    fork();
  });
  try {
    await Promise.all(Array.from({ length: config.WEB_PROCESSES }, () => listening(fork())));
  } catch (e) {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
    await primary.close();
    throw e;
  }
  return {
    ...primary,
    roles: config.ROLES,
    async close() {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.isDead()) return resolve();
              w.once('exit', () => resolve());
              w.kill('SIGTERM');
            }),
        ),
      );
      await primary.close();
    },
  };
}
