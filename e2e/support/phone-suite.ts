import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { signInOfficialFirstTime, watchProblems } from './page.ts';
import { resultsDir } from './paths.ts';
import { ensureWebBuilt, type RunningServer, startServer } from './server.ts';

export const DEMO_PASSWORD = 'ChinhQuyenSo@2026';

/** Only the portal's own pages count for problems (not the sign-in provider's). */
const portal = (url: URL) => !url.pathname.startsWith('/oidc') && !url.pathname.startsWith('/auth');

/**
 * A suite of officials on a phone against one fresh `cqs start`: `signedIn(login)` opens a new
 * phone-sized context signed in for the first time (two-factor enrolment included); `shot` saves a
 * full-page screenshot named `<prefix>-<name>-<width>.png`; `problems` collects the portal's console
 * errors and failed requests.
 */
export function usePhoneSuite(prefix: string, viewport = { width: 360, height: 800 }) {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    ensureWebBuilt();
    await mkdir(resultsDir, { recursive: true });
    server = await startServer({ env: { PROVINCE_CODE: '08' } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(login: string): Promise<Page> {
    const context = await browser!.newContext({ viewport, locale: 'vi-VN', hasTouch: true });
    contexts.push(context);
    const page = await context.newPage();
    problems.push(...watchProblems(page, { where: portal }));
    await signInOfficialFirstTime(page, server!.url, login, DEMO_PASSWORD);
    return page;
  }
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(resultsDir, `${prefix}-${name}-${viewport.width}.png`), fullPage: true });
  return { signedIn, shot, problems, url: () => server!.url };
}
