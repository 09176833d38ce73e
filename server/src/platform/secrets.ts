import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Secrets at rest (TOTP seeds, client secrets, signing keys) are sealed with AES-256-GCM under a
 * key derived from SECRET_KEY. Without SECRET_KEY a key is generated once into DATA_DIR, so
 * `npm start` works out of the box; production sets SECRET_KEY (and keeps it: losing it loses
 * every sealed value).
 */
export type Sealer = { seal(plain: string): string; open(sealed: string): string; cookieKeys: string[] };

export function resolveSecretKey(
  secretKey: string | undefined,
  dataDir: string,
  warn: (m: string) => void,
): string {
  if (secretKey) return secretKey;
  const file = path.join(dataDir, 'secret.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const generated = randomBytes(32).toString('base64url');
  // Several processes may start at once on a new DATA_DIR (WEB_PROCESSES): the key is written
  // whole to a file of this process's own, then linked into place, which fails if another process
  // was first; then its key is the one.
  const mine = `${file}.${process.pid}`;
  fs.writeFileSync(mine, `${generated}\n`, { mode: 0o600 });
  try {
    fs.linkSync(mine, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return fs.readFileSync(file, 'utf8').trim();
  } finally {
    fs.rmSync(mine, { force: true });
  }
  warn(`SECRET_KEY is not set: generated one in ${file}. Set SECRET_KEY in production and keep it safe.`);
  return generated;
}

const derive = (secret: string, purpose: string) =>
  createHash('sha256').update(`${purpose}\0${secret}`).digest();

export function createSealer(secret: string): Sealer {
  const key = derive(secret, 'seal');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1.${iv.toString('base64url')}.${body.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
    },
    open(sealed) {
      const [version, iv, body, tag] = sealed.split('.');
      if (version !== 'v1' || !iv || !body || !tag) throw new Error('not a sealed value');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
    cookieKeys: [derive(secret, 'cookies').toString('base64url')],
  };
}

/** A random token for links and cookies, and the hash we store instead of it. */
export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
