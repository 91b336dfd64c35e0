import { useCallback, useState } from 'react';
import { BUILD_METHODS, DEFAULT_GUIDE_OPTIONS, type BuildMethod, type GuideOptions } from '../../nixos/rebuild';

/** How this browser's user builds their machine: asked once, kept beside the project (not in it: it is about the machine). */
export const GUIDE_OPTIONS_KEY = 'specialisation-studio:apply-guide';

/** The stored choice, or the default for anything missing or malformed (stored data is not trusted). */
export function readGuideOptions(storage: Pick<Storage, 'getItem'> | null): GuideOptions {
  try {
    const raw: unknown = JSON.parse(storage?.getItem(GUIDE_OPTIONS_KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return DEFAULT_GUIDE_OPTIONS;
    const { method, host } = raw as Record<string, unknown>;
    return {
      method: BUILD_METHODS.includes(method as BuildMethod) ? (method as BuildMethod) : DEFAULT_GUIDE_OPTIONS.method,
      host: typeof host === 'string' ? host : DEFAULT_GUIDE_OPTIONS.host,
    };
  } catch {
    return DEFAULT_GUIDE_OPTIONS;
  }
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The build method and flake host of the apply guide, saved in this browser at each change. */
export function useGuideOptions(): [GuideOptions, (change: Partial<GuideOptions>) => void] {
  const [options, setOptions] = useState(() => readGuideOptions(storage()));
  const update = useCallback((change: Partial<GuideOptions>) => {
    setOptions((old) => {
      const next = { ...old, ...change };
      try {
        storage()?.setItem(GUIDE_OPTIONS_KEY, JSON.stringify(next));
      } catch {
        // Full or disabled storage: the choice holds for this visit.
      }
      return next;
    });
  }, []);
  return [options, update];
}
