import fs from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeEachEngine } from './support/databases.ts';
import { useListeningApp } from './support/server.ts';

// A stand-in for the built web app: the server serves whatever index.html WEB_DIST_DIR holds.
const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-web-'));
fs.writeFileSync(
  path.join(webDist, 'index.html'),
  '<!doctype html><html><head><title>CQS</title></head><body></body></html>',
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
