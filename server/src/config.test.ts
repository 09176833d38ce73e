import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults: port 3000, Tuyên Quang (08), embedded database', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.PROVINCE_CODE).toBe('08');
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.agencyCodeRoot).toBe('H08');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });

  it.each([
    ['PORT', 'abc', 'whole number from 1 to 65535'],
    ['PORT', '70000', 'whole number from 1 to 65535'],
    ['DATABASE_URL', 'mysql://x', 'postgres://'],
    ['PROVINCE_CODE', '8', 'two-digit'],
    ['LOG_LEVEL', 'loud', 'one of fatal'],
    ['AGENCY_CODE_ROOT', 'h08', 'capital letter'],
    ['SITE_CONTACT_EMAIL', 'not-mail', 'e-mail'],
  ])('stops on %s=%s with a message naming the variable', (name, value, allowed) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(`${name}="${value}"`);
    expect(message).toContain(allowed);
  });
});
