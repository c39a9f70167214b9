import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './client.js';

export interface Pages<T> {
  readonly items: readonly T[];
  readonly error: ApiError | undefined;
  readonly loading: boolean;
  /** Whether the server has more after the loaded pages. */
  readonly more: boolean;
  loadMore(): void;
  /** Starts again from the first page (after an action changed the list). */
  reload(): void;
}

/** A cursor-paginated list: the first page when `deps` change, then one more page per `loadMore`. */
export function usePages<T>(
  load: (cursor: string | undefined) => Promise<{ items: readonly T[]; nextCursor: string | null }>,
  deps: DependencyList,
): Pages<T> {
  const [items, setItems] = useState<readonly T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const ticket = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const fetchPage = useCallback((after: string | undefined, append: boolean) => {
    const mine = ++ticket.current;
    setLoading(true);
    loadRef.current(after).then(
      (page) => {
        if (mine !== ticket.current) return;
        setItems((old) => (append ? [...old, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setError(undefined);
        setLoading(false);
      },
      (caught: unknown) => {
        if (mine !== ticket.current) return;
        setError(caught instanceof ApiError ? caught : new ApiError('INTERNAL', String(caught), 0));
        setLoading(false);
      },
    );
  }, []);
  const seenGeneration = useRef(generation);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `deps` stand for what `load` reads
  useEffect(() => {
    // Other deps (another filter) make another list: the old items go at once, never shown under
    // the new filter. A reload of the same list keeps them on screen until the new page arrives.
    if (seenGeneration.current === generation) setItems([]);
    seenGeneration.current = generation;
    fetchPage(undefined, false);
  }, [...deps, generation]);
  return {
    items,
    error,
    loading,
    more: cursor !== null,
    loadMore: () => {
      if (cursor !== null && !loading) fetchPage(cursor, true);
    },
    reload: () => setGeneration((g) => g + 1),
  };
}
