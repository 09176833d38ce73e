/**
 * Vietnamese identifiers, checked for form (not against national databases, which the
 * integration module queries).
 */

/**
 * CCCD (căn cước công dân), 12 digits: 3 for the province of birth (the pre-2025 codes 001–096),
 * 1 for sex and century (0/1 = male/female born 1900–1999, 2/3 = 2000–2099, 4/5 = 2100–…),
 * 2 for the last digits of the birth year, 6 random. With a birth date, century and year must agree.
 */
export function checkCccd(cccd: string, dateOfBirth?: string | null): string | null {
  if (!/^\d{12}$/.test(cccd)) return 'must be 12 digits';
  const province = Number(cccd.slice(0, 3));
  if (province < 1 || province > 96) return 'the first 3 digits must be a province-of-birth code (001–096)';
  if (dateOfBirth) {
    const year = Number(dateOfBirth.slice(0, 4));
    const centuryDigit = Number(cccd[3]);
    const century = 1900 + Math.floor(centuryDigit / 2) * 100;
    const yy = Number(cccd.slice(4, 6));
    if (century + yy !== year) return 'digits 4–6 do not match the year of birth';
  }
  return null;
}

const MST_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/**
 * Tax code (mã số thuế): 10 digits with a check digit, optionally "-NNN" for a branch; since 2025
 * a person's tax code is their 12-digit CCCD.
 */
export function checkTaxCode(code: string): string | null {
  if (/^\d{12}$/.test(code)) return checkCccd(code);
  const m = /^(\d{10})(-\d{3})?$/.exec(code);
  if (!m) return 'must be 10 digits, 10 digits-3 digits for a branch, or a 12-digit personal code';
  const digits = m[1]!.split('').map(Number);
  const sum = MST_WEIGHTS.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  const check = 10 - (sum % 11);
  if (check !== digits[9]) return 'the check digit does not match';
  return null;
}

/** "+84 912 345 678", "84912345678", "0912.345.678" → "0912345678"; null when not a Vietnamese number. */
export function normalizePhone(phone: string): string | null {
  let p = phone.replace(/[\s.()-]/g, '');
  if (p.startsWith('+84')) p = `0${p.slice(3)}`;
  else if (/^84\d{9,10}$/.test(p)) p = `0${p.slice(2)}`;
  return /^0\d{9,10}$/.test(p) ? p : null;
}

export function normalizeEmail(email: string): string | null {
  const e = email.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e) && e.length <= 254 ? e : null;
}
