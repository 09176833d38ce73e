import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root: server/src/config.ts → ../../ */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A whole number in [min, max], the message saying so whatever is wrong with it. */
const wholeNumber = (min: number, max: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ message }).int(message).min(min, message).max(max, message);
};

const port = wholeNumber(1, 65535);

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A size in MB, the way officials speak of upload limits. */
const megabytes = (min: number, max: number) => {
  const message = `must be a whole number of megabytes from ${min} to ${max}`;
  return z.coerce.number({ message }).int(message).min(min, message).max(max, message);
};

const TRUST_PROXY_HELP =
  'must be false, the number of proxies in front (e.g. 1), or their addresses/CIDRs separated by commas (e.g. 10.0.0.5,10.1.0.0/16); `true` would trust every hop and let a client forge its address';
const isCidr = (v: string) => {
  const [address = '', bits, ...rest] = v.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
};
/**
 * Which X-Forwarded-For hops to believe, as Fastify takes it: false (the socket's address), a
 * function trusting the first `n` hops (Fastify's own number option trusts none), or the proxies'
 * addresses. The client address used for sign-in limits and the audit trail comes from this.
 */
const trustProxy = z
  .string()
  .default('false')
  .transform((value, ctx): false | string[] | ((address: string, hop: number) => boolean) => {
    const v = value.trim();
    if (v === 'false' || v === '0') return false;
    if (/^\d{1,2}$/.test(v)) {
      const hops = Number(v);
      return (_address, hop) => hop < hops;
    }
    const entries = v.split(',').map((e) => e.trim());
    const named = new Set(['loopback', 'linklocal', 'uniquelocal']);
    if (entries.length && entries.every((e) => named.has(e) || isCidr(e))) return entries;
    ctx.issues.push({ code: 'custom', message: TRUST_PROXY_HELP, input: value });
    return z.NEVER;
  });

/**
 * Every environment variable the platform reads, validated once at start.
 * docs/operations.md's configuration table documents each of them; keep the two in step.
 */
const configSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default(path.join(repoRoot, 'data')),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_MAX: wholeNumber(1, 200).default(10),
  PROVINCE_CODE: z
    .string()
    .regex(/^\d{2}$/, 'must be a two-digit province code of 1 July 2025, e.g. 08 (Tuyên Quang)')
    .default('08'),
  AGENCY_CODE_ROOT: z
    .string()
    .regex(
      /^[A-Z]\d{2}$/,
      'must be a level-1 agency code of Decision 20/2020: a capital letter and two digits, e.g. H08',
    )
    .optional(),
  WEB_DIST_DIR: z
    .string()
    .min(1)
    .default(path.join(repoRoot, 'web', 'dist')),
  LOG_LEVEL: z.enum(logLevels, { message: `must be one of ${logLevels.join(', ')}` }).default('info'),
  BODY_LIMIT_BYTES: z.coerce
    .number({ message: 'must be a whole number of bytes from 1024 to 104857600' })
    .int('must be a whole number of bytes from 1024 to 104857600')
    .min(1024, 'must be a whole number of bytes from 1024 to 104857600')
    .max(104_857_600, 'must be a whole number of bytes from 1024 to 104857600')
    .default(1_048_576),
  PUBLIC_URL: z
    .url({ message: 'must be an absolute URL, e.g. https://dichvucong.tuyenquang.gov.vn' })
    .optional(),
  SITE_CONTACT_ADDRESS: z.string().optional(),
  SITE_CONTACT_PHONE: z.string().optional(),
  SITE_CONTACT_EMAIL: z.email({ message: 'must be an e-mail address' }).optional(),
  SITE_WEBSITE: z.url({ message: 'must be an absolute URL' }).optional(),
  SECRET_KEY: z
    .string()
    .min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)')
    .optional(),
  TRUST_PROXY: trustProxy,
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://, e.g. smtp://user:pass@mail.example.vn:587')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Chính quyền số <no-reply@localhost>'),
  LOGIN_MAX_FAILURES: wholeNumber(1, 100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number({ message: 'must be a whole number of minutes from 1 to 1440' })
    .int('must be a whole number of minutes from 1 to 1440')
    .min(1, 'must be a whole number of minutes from 1 to 1440')
    .max(1440, 'must be a whole number of minutes from 1 to 1440')
    .default(15),
  SESSION_HOURS: z.coerce
    .number({ message: 'must be a whole number of hours from 1 to 720' })
    .int('must be a whole number of hours from 1 to 720')
    .min(1, 'must be a whole number of hours from 1 to 720')
    .max(720, 'must be a whole number of hours from 1 to 720')
    .default(12),
  UPSTREAM_OIDC_ISSUER: z.url({ message: 'must be the upstream issuer URL' }).optional(),
  UPSTREAM_OIDC_CLIENT_ID: z.string().min(1).optional(),
  UPSTREAM_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  UPSTREAM_OIDC_NAME: z.string().min(1).default('VNeID'),
  UPSTREAM_OIDC_SCOPE: z.string().min(6).default('openid profile cccd'),
  UPSTREAM_OIDC_CCCD_CLAIM: z.string().min(1).default('cccd'),
  UPSTREAM_OIDC_LEVEL_CLAIM: z.string().min(1).default('assurance_level'),
  OFFICE_HOURS: z
    .string()
    .regex(
      /^\d{2}:\d{2}-\d{2}:\d{2},\d{2}:\d{2}-\d{2}:\d{2}$/,
      'must be morning,afternoon like 07:30-11:30,13:30-16:00',
    )
    .default('07:30-11:30,13:30-16:00'),
  CUTOFF_TIME: z
    .string()
    .regex(/^\d{2}:\d{2}$/, 'must be HH:MM, e.g. 15:00')
    .default('15:00'),
  FILES_DIR: z.string().min(1).optional(),
  FILE_MAX_MB: megabytes(1, 200).default(10),
  DOSSIER_FILES_MAX_MB: megabytes(1, 2000).default(50),
  // What one person may upload to dossiers in a Vietnamese day (files taken off again still count):
  // a citizen files a few dossiers, a desk officer scans a whole day's intake.
  UPLOAD_DAILY_MB_CITIZEN: megabytes(1, 100_000).default(100),
  UPLOAD_DAILY_MB_OFFICIAL: megabytes(1, 1_000_000).default(2000),
  DEMO_ACCOUNTS: z.enum(['true', 'false'], { message: 'must be true or false' }).default('true'),
  // With the demo accounts: this many dossiers of the last nine months, so the queues and the
  // statistics have something to show (0 = none; the end-to-end tests start empty).
  // Work lists count matching dossiers exactly up to this many, then answer "more than" (an exact
  // count of a desk's whole history is a scan of it on every page).
  LIST_COUNT_CAP: z.coerce.number().int().min(10).max(10_000_000).default(10_000),
  DEMO_DOSSIERS: z.coerce.number().int().min(0).max(100_000).default(2000),
  // `cqs start` serves HTTP from this many processes on one port (web-processes.ts): one per core
  // lets every core serve. 1 = the start process serves itself.
  WEB_PROCESSES: wholeNumber(1, 64).default(1),
  // How much V8 may grow the heap past what survived the last full collection before the next
  // (platform/heap.ts): 50 keeps a loaded web process near 250 MB instead of 400+; 0 = V8's own.
  HEAP_GROWTH_PERCENT: wholeNumber(0, 300).default(50),
  // What this process does: `web` serves HTTP, `worker` runs the background jobs; both by default.
  ROLES: z
    .string()
    .default('web,worker')
    .transform((v) => v.split(',').map((r) => r.trim()))
    .pipe(
      z
        .array(z.enum(['web', 'worker'], { message: 'must be web, worker or web,worker' }))
        .min(1, 'must be web, worker or web,worker'),
    ),
});

export type Config = z.infer<typeof configSchema> & {
  agencyCodeRoot: string;
  /** Where attachments are kept: FILES_DIR, or DATA_DIR/files. */
  filesDir: string;
  /** PUBLIC_URL without a trailing slash, or http://localhost:PORT. */
  publicUrl: string;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; a bad value throws a ConfigError naming the variable and what is allowed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most shells' `FOO= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `  ${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
    });
    throw new ConfigError(`Cấu hình không hợp lệ / Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const upstream = [c.UPSTREAM_OIDC_ISSUER, c.UPSTREAM_OIDC_CLIENT_ID, c.UPSTREAM_OIDC_CLIENT_SECRET];
  if (upstream.some(Boolean) && !upstream.every(Boolean)) {
    throw new ConfigError(
      'Cấu hình không hợp lệ / Invalid configuration:\n  UPSTREAM_OIDC_ISSUER, UPSTREAM_OIDC_CLIENT_ID and UPSTREAM_OIDC_CLIENT_SECRET go together: set all three or none',
    );
  }
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '');
  return {
    ...c,
    agencyCodeRoot: c.AGENCY_CODE_ROOT ?? `H${c.PROVINCE_CODE}`,
    publicUrl,
    filesDir: c.FILES_DIR ?? path.join(c.DATA_DIR, 'files'),
  };
}
