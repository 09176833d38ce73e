import fs from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { inTransaction } from '../src/db/transaction.ts';
import { createVersion, setEnabled } from '../src/modules/catalog/procedures.ts';
import { searchProcedures } from '../src/modules/catalog/search.ts';
import { describeEachEngine } from './support/databases.ts';
import { useListeningApp } from './support/server.ts';

// A stand-in for the built web app: the server serves whatever index.html WEB_DIST_DIR holds.
const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-web-'));
fs.writeFileSync(
  path.join(webDist, 'index.html'),
  '<!doctype html><html><head><title>CQS</title></head><body></body></html>',
);
// What the web build lists for the pages people land on (web/page-modules.ts).
fs.writeFileSync(
  path.join(webDist, 'pages.json'),
  JSON.stringify({
    '/thu-tuc/:code': { js: ['/assets/ProcedurePage-abc.js'], css: ['/assets/ProcedurePage-abc.css'] },
  }),
);
afterAll(() => fs.rmSync(webDist, { recursive: true, force: true }));

/** No Accept header (curl, a health checker), any type, and a browser's. */
const CLIENTS: Record<string, string>[] = [
  {},
  { accept: '*/*' },
  { accept: 'text/html,application/xhtml+xml' },
];

/** A raw HTTP/1.1 GET, with exactly the headers given (no Accept unless named). */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const req = request(url, { method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describeEachEngine('the site answers every client', { seed: true }, (ctx) => {
  const h = useListeningApp(ctx, () => ({ WEB_DIST_DIR: webDist }));

  it('answers every page address with the app (200 HTML) to curl, crawlers and link previews', async () => {
    for (const page of ['/', '/thu-tuc', '/thu-tuc/1.001193', '/ho-so/tra-cuu?ma=abc']) {
      for (const headers of CLIENTS) {
        const res = await rawGet(`${h.url}${page}`, headers);
        expect(res.status, `${page} ${JSON.stringify(headers)}`).toBe(200);
        expect(res.type).toContain('text/html');
        expect(res.body).toContain('<title>CQS</title>');
        // The site description is in the page, so it paints without a round trip.
        expect(res.body).toContain('"/api/site"');
      }
    }
  });

  it('keeps problem+json for API addresses and for clients that ask only for JSON', async () => {
    // The OpenID provider answers its own unknown addresses (404, not the app).
    const oidc = await rawGet(`${h.url}/oidc/nope`);
    expect(oidc.status).toBe(404);
    expect(oidc.type).not.toContain('text/html');
    for (const address of ['/api/nope', '/api', '/auth/nope', '/.well-known/nope']) {
      const res = await rawGet(`${h.url}${address}`);
      expect(res.status, address).toBe(404);
      expect(res.type, address).toContain('application/problem+json');
      expect(JSON.parse(res.body)).toMatchObject({ status: 404, code: 'HTTP.NOT_FOUND' });
    }
    const jsonOnly = await rawGet(`${h.url}/thu-tuc`, { accept: 'application/json' });
    expect(jsonOnly.status).toBe(404);
    expect(jsonOnly.type).toContain('application/problem+json');
    // A missing file is not a page.
    expect((await rawGet(`${h.url}/assets/missing.js`)).status).toBe(404);
  });
});

/** The answers written into a page (`<script id="cqs-boot">`), as the web app reads them. */
function bootOf(html: string): Record<string, unknown> {
  const json = /<script id="cqs-boot" type="application\/json">([^<]*)<\/script>/.exec(html)?.[1];
  expect(json, 'the page carries its data').toBeDefined();
  return JSON.parse(json!);
}

describeEachEngine('a catalogue page carries its first data', { seed: true }, (ctx) => {
  const h = useListeningApp(ctx, () => ({ WEB_DIST_DIR: webDist }));
  const api = async (address: string) => (await fetch(`${h.url}${address}`)).json();
  const page = async (address: string) => (await rawGet(`${h.url}${address}`)).body;
  // Two procedures the province offers, to change here.
  const offered = async () =>
    (await searchProcedures(ctx.database.db, { enabledOnly: true, limit: 3, offset: 0 })).items.map(
      (p) => p.code,
    );

  it('a procedure page carries the procedure (its name before any script runs), as the API answers it', async () => {
    const html = await page('/thu-tuc/1.001193');
    const answer = (await api('/api/catalog/procedures/1.001193')) as { name: { vi: string } };
    expect(answer.name.vi).toMatch(/\p{L}/u);
    expect(html).toContain(answer.name.vi);
    expect(bootOf(html)['/api/catalog/procedures/1.001193']).toEqual(answer);
    // Its code is linked from the HTML too, so it loads beside the main script.
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/ProcedurePage-abc.js">');
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/ProcedurePage-abc.css">');
    expect(await page('/')).not.toContain('ProcedurePage-abc');
  });

  it('a search page carries its first page of results, under the address the app asks for', async () => {
    const html = await page('/thu-tuc?q=%20dang%20ky%20khai%20sinh%20&level=nope');
    const address = '/api/catalog/procedures?q=dang+ky+khai+sinh&limit=20&offset=0';
    const answer = (await api(address)) as { items: { code: string }[]; total: number };
    expect(answer.total).toBeGreaterThan(0);
    expect(bootOf(html)[address]).toEqual(answer);
    // Page 3 of a field: the address carries the offset.
    const field = encodeURIComponent('Hộ tịch');
    const third = await page(`/thu-tuc?field=${field}&page=3`);
    const thirdAddress = `/api/catalog/procedures?field=${field.replace(/%20/g, '+')}&limit=20&offset=40`;
    expect(bootOf(third)[thirdAddress]).toEqual(await api(thirdAddress));
  });

  it('writes nothing the API would refuse or not show, and the page still answers', async () => {
    for (const address of [
      '/thu-tuc?agency=not-an-id',
      `/thu-tuc?q=${'a'.repeat(201)}`,
      '/thu-tuc/1.999999',
      '/thu-tuc/not-a-code',
    ]) {
      const res = await rawGet(`${h.url}${address}`);
      expect(res.status, address).toBe(200);
      expect(Object.keys(bootOf(res.body)), address).toEqual(['/api/site']);
    }
  });

  it('does not write a procedure the province no longer offers', async () => {
    const [code] = await offered();
    expect(Object.keys(bootOf(await page(`/thu-tuc/${code}`)))).toContain(`/api/catalog/procedures/${code}`);
    await inTransaction(ctx.database, (tx) => setEnabled(tx, code!, false, null));
    const html = await page(`/thu-tuc/${code}`);
    expect(Object.keys(bootOf(html))).toEqual(['/api/site']);
    // Nor in a search's results, as the public search does not list it.
    const search = bootOf(await page(`/thu-tuc?q=${code}`))[
      `/api/catalog/procedures?q=${code}&limit=20&offset=0`
    ] as { total: number };
    expect(search.total).toBe(0);
  });

  it('keeps catalogue text from closing the script: it is data, read back as written', async () => {
    const [, code] = await offered();
    const name = 'Thủ tục </script><script>alert(1)</script> <!-- “đặc biệt” & \u2028';
    await inTransaction(ctx.database, (tx) => createVersion(tx, code!, { name: { vi: name } }, null));
    for (const address of [`/thu-tuc/${code}`, `/thu-tuc?q=${code}`]) {
      const html = await page(address);
      expect(html, address).not.toContain('<script>alert(1)');
      expect(html, address).not.toContain('<!--');
      expect(html.match(/<\/script>/g)?.length, address).toBe(1);
      expect(JSON.stringify(bootOf(html)), address).toContain(JSON.stringify(name).slice(1, -1));
    }
  });
});
