import { useSyncExternalStore } from 'react';
import { navigate } from '../../app/router';

// The router's `useSearchParams()` re-renders only when the *path* changes, but the catalogue
// changes only its query (`/thu-tuc?q=a` → `/thu-tuc?q=b`, or the back button between them), so
// it follows `location.search` itself. The event is the one `navigate()` dispatches (router.tsx).
const NAVIGATE_EVENT = 'cqs:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** `?q=…&field=…`, re-rendering whenever it changes. */
export function useLocationSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search);
}

/**
 * Moves to another query of the same page (a new history entry, so Back undoes a filter) without
 * jumping to the top, as `navigate()` does for a new page: the person stays where the filters are.
 */
export function navigateKeepingScroll(href: string): void {
  const y = window.scrollY;
  navigate(href);
  window.scrollTo(0, y);
}
