import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiFailure } from '../client/client';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiFailure | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * Loads data for a page and loads it again when `deps` change or on `reload()`; with `everyMs`, also on a timer
 * (live progress) while the page is shown. An answer that arrives after a newer request started is dropped.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[], options: { everyMs?: number } = {}): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiFailure; loading: boolean }>({ loading: true });
  const generation = useRef(0);
  const run = useCallback(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => mine === generation.current && setState({ data, loading: false }),
      (error: unknown) =>
        mine === generation.current &&
        setState((s) => ({ ...s, loading: false, error: error instanceof ApiFailure ? error : new ApiFailure(0, 'unexpected', String(error)) })),
    );
  }, deps);
  useEffect(() => {
    run();
    if (!options.everyMs) return;
    const timer = setInterval(run, options.everyMs);
    return () => clearInterval(timer);
  }, [run, options.everyMs]);
  return { data: state.data, error: state.error, loading: state.loading, reload: run };
}

/** Runs an action (a form's submit), keeping whether it is busy and its error for the form to show. */
export function useAction<A extends unknown[], T>(action: (...args: A) => Promise<T>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure | undefined>();
  const run = async (...args: A): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await action(...args);
    } catch (err) {
      setError(err instanceof ApiFailure ? err : new ApiFailure(0, 'unexpected', String(err)));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error, clearError: () => setError(undefined) };
}
