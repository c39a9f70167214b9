import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './client.js';

export interface Resource<T> {
  readonly data?: T | undefined;
  readonly error?: ApiError | undefined;
  readonly loading: boolean;
  /** Loads again (after an action changed what the server answers). */
  reload(): void;
}

/** The answer of `load`, reloaded when `deps` change; a late answer of an earlier load is dropped. */
export function useResource<T>(load: () => Promise<T>, deps: DependencyList): Resource<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `deps` stand for what `load` reads
  useEffect(() => {
    const ticket = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => {
        if (ticket === latest.current) setState({ data, loading: false });
      },
      (error: unknown) => {
        if (ticket !== latest.current) return;
        const apiError = error instanceof ApiError ? error : new ApiError('INTERNAL', String(error), 0);
        setState({ error: apiError, loading: false });
      },
    );
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
