/**
 * A job the server runs now and then in the background (reminders, recounts): first a minute after
 * start, so tests and start-up are not slowed, then every `everyMs`; one run at a time; a failure
 * is logged and the next run tries again. `close()` stops it and waits for a run in progress.
 */
export function startPeriodic(
  name: string,
  job: () => Promise<unknown>,
  everyMs: number,
  log: { error(obj: unknown, msg: string): void },
): { close(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let closed = false;
  const run = () => {
    if (closed) return;
    running = running.then(job).catch((e) => log.error({ err: e }, `${name} failed`));
  };
  const first = setTimeout(run, 60_000);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return {
    async close() {
      closed = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
