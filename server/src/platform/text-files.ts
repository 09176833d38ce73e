/**
 * Text files that may be gzip-compressed (the reference data in the repository, a catalogue a province
 * downloads): recognised by their first two bytes, not their name, so `list.csv` that is really gzip
 * and `list.csv.gz` read the same.
 */
import fs from 'node:fs';
import { pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, gunzipSync } from 'node:zlib';

export function isGzip(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    return fs.readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    fs.closeSync(fd);
  }
}

/** The file's bytes, decompressed if it is gzip. */
export function readBytes(file: string): Buffer {
  const bytes = fs.readFileSync(file);
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}

export const readText = (file: string): string => readBytes(file).toString('utf8');

/**
 * The file's lines (UTF-8, without their `\n` or `\r\n`), read and decompressed as a stream, so a large
 * file is never held whole. A read or decompression error (a truncated .gz) is thrown by the loop.
 */
export async function* readLines(file: string): AsyncGenerator<string> {
  const raw = fs.createReadStream(file, { highWaterMark: 1 << 16 });
  // pipeline, not pipe: an error of the file stream reaches the gunzip stream we read from.
  const source = isGzip(file) ? pipeline(raw, createGunzip(), () => {}) : raw;
  const decoder = new StringDecoder('utf8');
  let rest = '';
  const trimCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);
  try {
    for await (const chunk of source) {
      rest += decoder.write(chunk as Buffer);
      let start = 0;
      for (let nl = rest.indexOf('\n'); nl !== -1; nl = rest.indexOf('\n', start)) {
        yield trimCr(rest.slice(start, nl));
        start = nl + 1;
      }
      rest = rest.slice(start);
    }
    rest += decoder.end();
    if (rest !== '') yield trimCr(rest);
  } finally {
    raw.destroy();
    source.destroy();
  }
}
