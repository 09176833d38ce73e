import { rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import type { Mail, Mailer } from '../../src/platform/mail.ts';
import { freePort } from '../../src/platform/net.ts';

export { freePort };

import { type EngineContext, testConfig } from './databases.ts';

export type Listening = { app: FastifyInstance; url: string; config: Config; mails: Mail[] };

/**
 * The app listening on a real port of loopback (OIDC redirects and back-channel calls need one),
 * over the suite's database. Mails go to `mails` unless the config names an SMTP server.
 */
export function useListeningApp(
  ctx: EngineContext,
  env: () => Record<string, string> = () => ({}),
): Listening {
  const holder = { mails: [] as Mail[] } as Listening;
  beforeAll(async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    holder.config = testConfig({ PORT: String(port), PUBLIC_URL: url, HOST: '127.0.0.1', ...env() });
    const memory: Mailer = { describe: 'memory', send: async (m) => void holder.mails.push(m) };
    holder.app = await buildApp({
      config: holder.config,
      database: ctx.database,
      mailer: holder.config.SMTP_URL ? undefined : memory,
      logger: false,
    });
    await holder.app.listen({ port, host: '127.0.0.1' });
    holder.url = url;
  });
  afterAll(async () => {
    await holder.app?.close();
    if (holder.config) rmSync(holder.config.filesDir, { recursive: true, force: true });
  });
  return holder;
}
