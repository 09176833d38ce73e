import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './return-to.ts';

const PUBLIC_URL = 'https://dichvucong.example.gov.vn';

describe('returnTo after sign-in (issue 25, finding 4)', () => {
  it.each([
    ['/\\evil.example/x'],
    ['//evil'],
    ['//evil.example/x'],
    ['https://evil'],
    ['http://dichvucong.example.gov.vn/ho-so'], // same host, other scheme: another origin
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['\t//evil'],
    ['/\t/evil'],
    ['/..//evil.example/x'],
    ['/.//evil.example/x'],
    ['/a/..//evil'],
    ['/auth/login'],
    ['/auth/callback?code=x'],
    [''],
  ])('prevents an open redirect to %j (falls back to /)', (to) => {
    expect(safeReturnTo(to, PUBLIC_URL)).toBe('/');
  });

  it.each([
    ['/', '/'],
    ['/ho-so', '/ho-so'],
    ['/ho-so?trang=2#moi', '/ho-so?trang=2#moi'],
    ['/thu-tuc/1.001193', '/thu-tuc/1.001193'],
    ['https://dichvucong.example.gov.vn/tai-khoan', '/tai-khoan'],
    ['/%2F%2Fevil', '/%2F%2Fevil'], // an encoded slash stays a path on this site
    ['/authority', '/authority'],
  ])('keeps a page of this site: %j → %j', (to, expected) => {
    expect(safeReturnTo(to, PUBLIC_URL)).toBe(expected);
  });
});
