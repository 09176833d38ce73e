import { useMemo, useSyncExternalStore } from 'react';

// The router's `useSearchParams()` re-renders only when the *path* changes; the workspace changes
// only the query (`/can-bo?queue=a` → `?queue=b`, `/can-bo/tiep-nhan` → `?hoSo=…`), so it follows
// `location.search` itself. The event is the one `navigate()` dispatches (app/router.tsx).
const NAVIGATE_EVENT = 'cqs:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** The page's query, re-read whenever it changes (navigation inside the app, Back, Forward). */
export function useQueryParams(): URLSearchParams {
  const search = useSyncExternalStore(subscribe, () => window.location.search);
  return useMemo(() => new URLSearchParams(search), [search]);
}
