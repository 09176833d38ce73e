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

  it("bounds the heap's growth by half by default; 0 leaves V8's own rule", () => {
    expect(loadConfig({}).HEAP_GROWTH_PERCENT).toBe(50);
    expect(loadConfig({ HEAP_GROWTH_PERCENT: '0' }).HEAP_GROWTH_PERCENT).toBe(0);
  });

  it.each([
    ['PORT', 'abc', 'whole number from 1 to 65535'],
    ['PORT', '70000', 'whole number from 1 to 65535'],
    ['DATABASE_URL', 'mysql://x', 'postgres://'],
    ['PROVINCE_CODE', '8', 'two-digit'],
    ['LOG_LEVEL', 'loud', 'one of fatal'],
    ['AGENCY_CODE_ROOT', 'h08', 'capital letter'],
    ['SITE_CONTACT_EMAIL', 'not-mail', 'e-mail'],
    ['WEB_PROCESSES', '0', 'whole number from 1 to 64'],
    ['HEAP_GROWTH_PERCENT', '500', 'whole number from 0 to 300'],
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

describe('TRUST_PROXY (issue 25, finding 8)', () => {
  it('is off by default: the socket address is the client', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
  });

  it('takes a number of hops: only that many proxies are believed', () => {
    const trust = loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY as (address: string, hop: number) => boolean;
    expect(typeof trust).toBe('function');
    expect(trust('10.0.0.5', 0)).toBe(true); // the proxy that connected to us
    expect(trust('6.6.6.6', 1)).toBe(false); // whatever the client wrote before it
  });

  it("takes the proxies' addresses and CIDRs, comma-separated", () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,::1,loopback' }).TRUST_PROXY).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      '::1',
      'loopback',
    ]);
  });

  it.each(['true', 'yes', '10.0.0.0/33', '10.0.0.256', 'proxy.example', '1,2'])(
    'refuses TRUST_PROXY=%s, naming what it takes',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY=.*number of proxies/);
    },
  );
});
