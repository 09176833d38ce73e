/**
 * Where to send the browser after signing in: a page of this site, or the home page.
 *
 * Decided by the URL parser the browser uses, not by a pattern: `/\evil.example/x`, `//evil`,
 * `https://evil`, `javascript:…` and dot-segment tricks such as `/..//evil` all resolve to another
 * origin (or to a path a browser would read as one), and fall back to `/`. The sign-in routes
 * themselves are refused too, so a sign-in never loops back into itself.
 */
export function safeReturnTo(to: string | null | undefined, publicUrl: string): string {
  if (!to) return '/';
  const base = new URL(publicUrl);
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return '/';
  }
  if (url.origin !== base.origin) return '/';
  // `/..//evil` resolves on our origin to the path `//evil`, which a browser reads as a host.
  if (url.pathname.startsWith('//')) return '/';
  if (url.pathname === '/auth' || url.pathname.startsWith('/auth/')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
