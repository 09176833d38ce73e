/**
 * Progress of long CLI work (seeding, restore) on stderr: a live line on a terminal,
 * a line every 10% otherwise (CI logs stay short).
 */
export type Progress = { tick(done: number): void; finish(note?: string): void };

export function progress(
  label: string,
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  const started = Date.now();
  let lastDecile = -1;
  const line = (done: number) => {
    const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
    const width = 24;
    const filled = Math.round((pct / 100) * width);
    return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} (${pct}%)`;
  };
  return {
    tick(done) {
      if (stream.isTTY) {
        stream.write(`\r${line(done)}`);
        return;
      }
      const decile = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        stream.write(`${line(done)}\n`);
      }
    },
    finish(note) {
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      stream.write(
        `${stream.isTTY ? `\r${line(total)}` : line(total)} — ${secs}s${note ? `, ${note}` : ''}\n`,
      );
    },
  };
}

/** For callers (tests, the server) that want no output. */
export const silentProgress = (): Progress => ({ tick() {}, finish() {} });
