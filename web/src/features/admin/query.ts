// Each section keeps its filters, page and selection in the query string, so a link or a reload
// shows the same view; sections read it with the router's `useSearchParams()`.

/**
 * Changes some query values (empty or null removes one) without leaving the page or scrolling to
 * the top: typing in a filter replaces the history entry; `push` (opening a record) makes one, so
 * the browser's Back returns to the list.
 */
export function setQueryParams(
  changes: Record<string, string | number | null | undefined>,
  options: { push?: boolean } = {},
): void {
  const params = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '') params.delete(key);
    else params.set(key, String(value));
  }
  const query = params.toString();
  const url = window.location.pathname + (query ? `?${query}` : '');
  if (url === window.location.pathname + window.location.search) return;
  if (options.push) window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** A page number from the query (`trang=3`), 1 when missing or wrong. */
export function pageParam(params: URLSearchParams, name = 'trang'): number {
  const n = Number(params.get(name));
  return Number.isInteger(n) && n > 0 ? n : 1;
}
