import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|webmanifest)$/;

/**
 * Writes a Brotli (.br) and a gzip (.gz) copy beside each text asset after the build, at the
 * highest levels: compressing once here costs a second, and every phone then downloads a quarter of
 * the bytes without the server compressing anything per request (it serves the copies as they are).
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'cqs-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle(_options, bundle) {
      const files = [...Object.keys(bundle), 'index.html'].filter((f) => COMPRESSIBLE.test(f));
      for (const file of new Set(files)) {
        const full = path.join(outDir, file);
        const bytes = readFileSync(full);
        if (bytes.length < 1024) continue;
        writeFileSync(
          `${full}.br`,
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${full}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}
