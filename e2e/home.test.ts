import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureWebBuilt,
  fitsViewportWidth,
  launchChromium,
  type RunningServer,
  resultsDir,
  seriousA11yViolations,
  smallTouchTargets,
  startServer,
  watchProblems,
} from './support/index.ts';

interface Site {
  province: { code: string; name: string };
  communeCount: number;
}

describe('home page', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let site: Site;

  beforeAll(async () => {
    ensureWebBuilt();
    await mkdir(resultsDir, { recursive: true });
    // The province is pinned so the expected names below hold whatever the calling shell sets.
    server = await startServer({ env: { PROVINCE_CODE: '08' } });
    browser = await launchChromium();
    const response = await fetch(`${server.url}/api/site`);
    expect(response.status).toBe(200);
    site = (await response.json()) as Site;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the province and its communes on a 360 px phone, finds a commune, and switches to English', async () => {
    const context = await browser!.newContext({ viewport: { width: 360, height: 640 }, locale: 'vi-VN' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    try {
      await page.goto(`${server!.url}/`);

      // Vietnamese first, with the province and the commune count the API reports.
      await page.getByRole('heading', { level: 1, name: 'Cổng dịch vụ công tỉnh Tuyên Quang' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
      expect(await page.getByText('Tuyên Quang').first().isVisible()).toBe(true);
      const count = (await page.getByTestId('commune-count').textContent())?.trim();
      expect(count).toBe(new Intl.NumberFormat('vi-VN').format(site.communeCount));
      expect(site.province.code).toBe('08');
      expect(site.communeCount).toBe(124);
      expect(await page.getByText('xã, phường', { exact: true }).isVisible()).toBe(true);

      expect(await fitsViewportWidth(page)).toBe(true);
      expect(await smallTouchTargets(page)).toEqual([]);
      expect(await seriousA11yViolations(page)).toEqual([]);

      // Accent-insensitive commune search.
      await page.getByRole('searchbox', { name: /Tên xã, phường/ }).fill('tan trao');
      await page.getByText('Xã Tân Trào', { exact: true }).waitFor();
      expect(await fitsViewportWidth(page)).toBe(true);
      await page.screenshot({ path: join(resultsDir, 'home-360x640.png'), fullPage: true });

      // English, remembered across a reload.
      await page.getByRole('button', { name: /English/ }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Public Service Portal of Tuyên Quang Province' })
        .waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await page.getByRole('heading', { name: 'Find a commune or ward' }).isVisible()).toBe(true);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: join(resultsDir, 'home-360x640-en.png'), fullPage: true });
      await page.reload();
      await page
        .getByRole('heading', { level: 1, name: 'Public Service Portal of Tuyên Quang Province' })
        .waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await fitsViewportWidth(page)).toBe(true);

      expect(problems.join('\n')).toBe('');
    } finally {
      await context.close();
    }
  });

  it('sends the app precompressed (Brotli, else gzip) and caches fingerprinted assets for a year', async () => {
    const page = await fetch(`${server!.url}/`, {
      headers: { accept: 'text/html', 'accept-encoding': 'br, gzip' },
    });
    expect(page.headers.get('content-encoding')).toBe('br');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())![1]!;
    const br = await fetch(`${server!.url}${script}`, { headers: { 'accept-encoding': 'br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toContain('immutable');
    const gz = await fetch(`${server!.url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    // Every page address opens the app, even one ending in a procedure code that looks like an extension.
    for (const address of ['/thu-tuc/1.001193', '/nop-ho-so/1.000426', '/ho-so']) {
      const res = await fetch(`${server!.url}${address}`, { headers: { accept: 'text/html' } });
      expect(res.status, address).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
    }
    expect((await fetch(`${server!.url}/assets/missing.js`)).status).toBe(404);
  });

  it('lays out on a 1440 px desktop', async () => {
    const context = await browser!.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    try {
      await page.goto(`${server!.url}/`);
      await page.getByRole('heading', { level: 1, name: 'Cổng dịch vụ công tỉnh Tuyên Quang' }).waitFor();
      await page.getByRole('searchbox', { name: /Tên xã, phường/ }).fill('tan trao');
      await page.getByText('Xã Tân Trào', { exact: true }).waitFor();
      expect(await fitsViewportWidth(page)).toBe(true);
      await page.screenshot({ path: join(resultsDir, 'home-1440x900.png') });
      expect(problems.join('\n')).toBe('');
    } finally {
      await context.close();
    }
  });
});
