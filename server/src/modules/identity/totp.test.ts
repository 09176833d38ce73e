import { describe, expect, it } from 'vitest';
import { checkTotp, currentTotp, newTotpSecret, totpUri } from './totp.ts';

describe('two-factor codes (TOTP)', () => {
  const secret = newTotpSecret();

  it('accepts the current code once, never again (RFC 6238 §5.2)', () => {
    const now = Date.now();
    const code = currentTotp(secret);
    const step = checkTotp(secret, code, null, now);
    expect(step).toBe(Math.floor(now / 30_000));
    expect(checkTotp(secret, code, step, now)).toBeNull();
  });

  it("accepts a phone's clock one step behind, refuses wrong and malformed codes", () => {
    const now = Date.now();
    const previous = currentTotp(secret);
    expect(checkTotp(secret, previous, null, now + 30_000)).toBe(Math.floor(now / 30_000));
    expect(checkTotp(secret, previous, null, now + 95_000)).toBeNull();
    expect(checkTotp(secret, '12345', null, now)).toBeNull();
    expect(checkTotp(secret, 'abcdef', null, now)).toBeNull();
  });

  it('makes an otpauth URI authenticator apps read', () => {
    expect(totpUri(secret, 'an@example.vn')).toMatch(/^otpauth:\/\/totp\/.*secret=[A-Z2-7]+.*period=30/);
  });
});
