import { useRef } from 'react';

/**
 * For store selectors that build an array each time (names of the specialisations, diagnostics at a
 * field): the array given last time while its items are the same (`Object.is`), so the component
 * re-renders only when one changes. zustand's `useShallow` does the same, but compares arrays by
 * building two Maps of their entries, which hundreds of fields did on every keystroke.
 */
export function useSameArray<S, T>(selector: (state: S) => T[]): (state: S) => T[] {
  const last = useRef<T[] | null>(null);
  return (state) => {
    const next = selector(state);
    const prev = last.current;
    if (prev !== null && prev.length === next.length && prev.every((x, i) => Object.is(x, next[i]))) return prev;
    last.current = next;
    return next;
  };
}
