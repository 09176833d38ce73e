import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.ts';
import { validatePerson } from './accounts.ts';

const fieldsRefused = (fullName: string, addressDetail?: string) => {
  try {
    validatePerson({ fullName, email: 'an@example.vn', addressDetail });
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return (e as DomainError).fieldErrors.map((f) => f.field);
  }
};

describe('a person’s name (issue 25, finding 12)', () => {
  it.each([
    ['a tab', 'Nguyễn\tVăn An'],
    ['a newline', 'Nguyễn Văn\nAn'],
    ['a right-to-left override', 'Nguyễn Văn \u202EnA'],
    ['an invisible mark', 'Nguyễn\u200FVăn An'],
  ])('refuses %s instead of folding it away', (_, name) => {
    expect(fieldsRefused(name)).toContain('fullName');
  });

  it('refuses the same in the address line, and keeps an ordinary Vietnamese name', () => {
    expect(fieldsRefused('Nguyễn Văn An', 'Số 5\u202E, tổ 3')).toEqual(['addressDetail']);
    expect(fieldsRefused('  Nguyễn   Văn  An ')).toEqual([]);
    expect(validatePerson({ fullName: '  Nguyễn   Văn  An ', email: 'an@example.vn' }).fullName).toBe(
      'Nguyễn Văn An',
    );
  });
});
