import v8 from 'node:v8';

/**
 * Under load a web process allocates fast (each request's JSON, rows and promises), and V8 then
 * lets its old generation grow to up to four times what survived the last full collection before
 * it collects again: at 1,100–1,250 submissions a second the process reached 400–420 MB RSS, with
 * a heap of about 100 MB still in use. `percent` caps that growth (V8's heap_growing_percent, read
 * at every full collection, so it can be set once the process runs): at 50 the same load stays
 * near 250 MB, for more frequent (incremental, mostly concurrent) collections. 0 leaves V8's own
 * rule. Figures in docs/figures.md.
 */
export function boundHeapGrowth(percent: number) {
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
