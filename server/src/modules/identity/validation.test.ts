import { describe, expect, it } from 'vitest';
import { checkCccd, checkTaxCode, normalizeEmail, normalizePhone } from './validation.ts';

describe('Vietnamese identifiers', () => {
  it('accepts CCCD numbers whose century digit and year match the birth date', () => {
    expect(checkCccd('008090001234', '1990-05-12')).toBeNull(); // 0 = male, 20th century
    expect(checkCccd('001305001234', '2005-01-01')).toBeNull(); // 3 = female, 21st century
    expect(checkCccd('008090001234')).toBeNull();
  });

  it.each([
    ['12345', undefined, 'must be 12 digits'],
    ['00809000123a', undefined, 'must be 12 digits'],
    ['000090001234', undefined, 'province-of-birth'],
    ['097090001234', undefined, 'province-of-birth'],
    ['008090001234', '1991-01-01', 'year of birth'],
    ['008290001234', '1990-01-01', 'year of birth'],
  ])('refuses CCCD %s (born %s): %s', (cccd, dob, why) => {
    expect(checkCccd(cccd, dob)).toContain(why);
  });

  it('checks the check digit of 10-digit tax codes, and accepts branches and personal codes', () => {
    expect(checkTaxCode('0100109106')).toBeNull(); // a real enterprise code
    expect(checkTaxCode('0101248141')).toBeNull();
    expect(checkTaxCode('0101248141-001')).toBeNull();
    expect(checkTaxCode('008090001234')).toBeNull(); // since 2025 a person's tax code is their CCCD
    expect(checkTaxCode('0100109107')).toContain('check digit');
    expect(checkTaxCode('01001091')).toContain('must be 10 digits');
  });

  it('normalises phone numbers and e-mails', () => {
    expect(normalizePhone('+84 912 345 678')).toBe('0912345678');
    expect(normalizePhone('84912345678')).toBe('0912345678');
    expect(normalizePhone('0912.345.678')).toBe('0912345678');
    expect(normalizePhone('12345')).toBeNull();
    expect(normalizeEmail('  An.Nguyen@Example.VN ')).toBe('an.nguyen@example.vn');
    expect(normalizeEmail('not-an-email')).toBeNull();
  });
});
