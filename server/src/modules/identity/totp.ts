import { Secret, TOTP } from 'otpauth';

/** RFC 6238 codes (30 s, 6 digits, SHA-1): what every authenticator app reads from the QR code. */
const totpFor = (secretBase32: string, label = '') =>
  new TOTP({
    issuer: 'Chính quyền số',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/**
 * Accepts the current code and the one before or after (clock drift of a phone), but never a
 * step at or before `lastStep` (a code already used). Returns the accepted step, or null.
 */
export function checkTotp(
  secretBase32: string,
  code: string,
  lastStep: number | null = null,
  now = Date.now(),
): number | null {
  const clean = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(clean)) return null;
  const delta = totpFor(secretBase32).validate({ token: clean, window: 1, timestamp: now });
  if (delta === null) return null;
  const step = Math.floor(now / 30_000) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

export const totpUri = (secretBase32: string, label: string) => totpFor(secretBase32, label).toString();

/** The current code, for the CLI's demo output and for tests. */
export const currentTotp = (secretBase32: string) => totpFor(secretBase32).generate();
