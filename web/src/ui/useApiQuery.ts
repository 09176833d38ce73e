import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, forgetBootData, getJson, readBootData } from './api';

export type QueryState<T> =
  | { status: 'idle' }
  /** `previous` keeps the last answer on screen while the next one loads (no flicker while typing). */
  | { status: 'loading'; previous?: T }
  | { status: 'success'; data: T }
  | { status: 'error'; error: ApiError };

export type QueryResult<T> = QueryState<T> & { retry: () => void };

/**
 * GETs `path` (nothing when it is null), cancelling the request in flight when the path changes or
 * the component goes away, so a slow answer to an old query never overwrites a newer one.
 * `fresh` asks the server every time (personal data that changes: sessions, the account), never the HTTP cache.
 */
export function useApiQuery<T>(path: string | null, options: { fresh?: boolean } = {}): QueryResult<T> {
  const fresh = options.fresh ?? false;
  const [attempt, setAttempt] = useState(0);
  // An answer the server wrote into the page is the first state: no loading screen, no request.
  const booted = useRef<string | null>(null);
  const [state, setState] = useState<QueryState<T>>(() => {
    const data = path ? readBootData<T>(path) : undefined;
    if (data === undefined) return path ? { status: 'loading' } : { status: 'idle' };
    booted.current = path;
    return { status: 'success', data };
  });

  useEffect(() => {
    if (path === null) {
      setState({ status: 'idle' });
      return;
    }
    if (booted.current === path && attempt === 0) {
      forgetBootData(path);
      return;
    }
    booted.current = null;
    const controller = new AbortController();
    // Already loading with nothing kept (the first load): the same state, no render for nothing.
    setState((prev) =>
      prev.status === 'loading' && prev.previous === undefined
        ? prev
        : {
            status: 'loading',
            previous:
              prev.status === 'success' ? prev.data : prev.status === 'loading' ? prev.previous : undefined,
          },
    );
    getJson<T>(path, { signal: controller.signal, revalidate: fresh || attempt > 0 }).then(
      (data) => {
        // Showing an answer (a list of procedures, a filter's options) is a transition: React
        // renders it in slices instead of one long task that would freeze a slow phone.
        if (!controller.signal.aborted) startTransition(() => setState({ status: 'success', data }));
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          status: 'error',
          error: error instanceof ApiError ? error : new ApiError(0, String(error)),
        });
      },
    );
    return () => controller.abort();
  }, [path, attempt, fresh]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
