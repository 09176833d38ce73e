import { useSyncExternalStore } from 'react';

// The app's router re-renders on path changes only; the wizard and its receipt differ by the query
// (`?nhap=`, `?bien-nhan=`), so this listens to the same signals for the query string.
// 'cqs:navigate' is the event `navigate()` in app/router.tsx dispatches.
function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener('cqs:navigate', onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener('cqs:navigate', onChange);
  };
}

/** The current query string's values, re-read whenever the app navigates. */
export function useLocationSearch(): URLSearchParams {
  const search = useSyncExternalStore(subscribe, () => window.location.search);
  return new URLSearchParams(search);
}
