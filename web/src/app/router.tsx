import { type AnchorHTMLAttributes, forwardRef, type MouseEvent, useMemo, useSyncExternalStore } from 'react';

// A few dozen lines instead of a router library: the app has a handful of flat paths, and every
// kilobyte counts on a phone. Pages are plain paths in Vietnamese (`/tai-khoan`), the same in
// both languages so links can be shared.

const NAVIGATE_EVENT = 'cqs:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const currentPath = () => window.location.pathname;

/** The current path (`/tai-khoan`), re-rendering when it changes. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

/** Goes to another page of the app without reloading it. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  window.scrollTo(0, 0);
}

/** The path and query of the page, to come back to after signing in. */
export function currentLocation(): string {
  return window.location.pathname + window.location.search;
}

export type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/**
 * An ordinary link (it opens in a new tab with Ctrl/⌘ or the middle button, and works before the
 * script loads) that moves inside the app without a page load on a plain click.
 */
export const Link = forwardRef<HTMLAnchorElement, LinkProps>(function Link({ href, onClick, ...rest }, ref) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      (rest.target && rest.target !== '_self') ||
      !href.startsWith('/') ||
      href.startsWith('//')
    ) {
      return;
    }
    event.preventDefault();
    if (href !== currentLocation()) navigate(href);
  };
  return <a ref={ref} href={href} onClick={handleClick} {...rest} />;
});

/** `/thu-tuc/:code` against `/thu-tuc/1.000178` → `{ code: '1.000178' }`; null when it does not match. */
export function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) return null;
  }
  return params;
}

const currentSearch = () => window.location.search;

/** The query string (`?q=…`), re-read when it changes (a filter, the Back button), not only the path. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, currentSearch);
}

/** The query string's values; the same object until the query changes (safe in effect dependencies). */
export function useSearchParams(): URLSearchParams {
  const search = useSearch();
  return useMemo(() => new URLSearchParams(search), [search]);
}

/** What every page component receives: the path's parameters (`/thu-tuc/:code` → `{ code }`). */
export type PageProps = { params: Record<string, string> };
