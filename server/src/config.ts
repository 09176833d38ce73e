import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root: server/src/config.ts → ../../ */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const port = z.coerce
  .number({ message: 'must be a whole number from 1 to 65535' })
  .int('must be a whole number from 1 to 65535')
  .min(1, 'must be a whole number from 1 to 65535')
  .max(65535, 'must be a whole number from 1 to 65535');

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Every environment variable the platform reads, validated once at start.
 * The README's configuration table documents each of them; keep the two in step.
 */
const configSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default(path.join(repoRoot, 'data')),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_MAX: z.coerce
    .number({ message: 'must be a whole number from 1 to 200' })
    .int('must be a whole number from 1 to 200')
    .min(1, 'must be a whole number from 1 to 200')
    .max(200, 'must be a whole number from 1 to 200')
    .default(10),
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
  SHARED_DATA_DIR: z
    .string()
    .min(1)
    .default(path.join(repoRoot, '..', 'shared', 'data')),
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
});

export type Config = z.infer<typeof configSchema> & { agencyCodeRoot: string };

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
  return { ...c, agencyCodeRoot: c.AGENCY_CODE_ROOT ?? `H${c.PROVINCE_CODE}` };
}
