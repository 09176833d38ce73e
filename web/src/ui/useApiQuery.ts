import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, getJson, takeBootData } from './api';

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
    const data = path ? takeBootData<T>(path) : undefined;
    if (data === undefined) return path ? { status: 'loading' } : { status: 'idle' };
    booted.current = path;
    return { status: 'success', data };
  });

  useEffect(() => {
    if (path === null) {
      setState({ status: 'idle' });
      return;
    }
    if (booted.current === path && attempt === 0) return;
    booted.current = null;
    const controller = new AbortController();
    setState((prev) => ({
      status: 'loading',
      previous: prev.status === 'success' ? prev.data : prev.status === 'loading' ? prev.previous : undefined,
    }));
    getJson<T>(path, { signal: controller.signal, revalidate: fresh || attempt > 0 }).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'success', data });
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
