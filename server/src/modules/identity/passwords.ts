import { dictionary } from '@zxcvbn-ts/language-common';
import argon2 from 'argon2';

// OWASP's argon2id parameters (19 MiB, 2 passes, 1 lane): ~30 ms a verify on this machine's cores.
const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 128;

let common: Set<string> | undefined;
/** 49k passwords seen most in breaches (zxcvbn's list), loaded on first use. */
const commonPasswords = () => {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
};

export type PasswordProblem = { vi: string; en: string };

/** The rules a new password must pass; `personal` are the person's own identifiers it must not contain. */
export function checkPassword(
  password: string,
  personal: (string | null | undefined)[] = [],
): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return {
      vi: `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`,
      en: `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`,
    };
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return {
      vi: `Mật khẩu dài tối đa ${MAX_PASSWORD_LENGTH} ký tự.`,
      en: `The password may have at most ${MAX_PASSWORD_LENGTH} characters.`,
    };
  }
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower) || new Set(lower).size < 4) {
    return {
      vi: 'Mật khẩu này quá phổ biến hoặc dễ đoán; hãy chọn mật khẩu khác.',
      en: 'This password is too common or easy to guess; choose another.',
    };
  }
  for (const p of personal) {
    if (p && p.length >= 4 && lower.includes(p.toLowerCase())) {
      return {
        vi: 'Mật khẩu không được chứa số điện thoại, email hay số CCCD của bạn.',
        en: 'The password must not contain your phone number, e-mail or ID number.',
      };
    }
  }
  return null;
}

export const hashPassword = (password: string) => argon2.hash(password, ARGON2);

// A hash to verify against when the account does not exist, so timing does not reveal which logins exist.
let dummy: Promise<string> | undefined;
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    dummy ??= hashPassword('not-a-real-password-0');
    await argon2.verify(await dummy, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}
