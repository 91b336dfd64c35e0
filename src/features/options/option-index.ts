import { QueryClientContext, useQuery, type QueryClient } from '@tanstack/react-query';
import { useContext, useMemo } from 'react';
import { optionCatalogQuery } from '../../catalog/option-catalog';
import type { Release } from '../../model/types';
import { indexCatalog, type OptionIndex } from '../../nixos/options/lookup';
import type { ReleaseOptionCatalog } from '../../nixos/options/types';
import { studioStore } from '../../store/studio-store';

const indexes = new WeakMap<ReleaseOptionCatalog, OptionIndex>();

/** The lookups of a release's catalog, built once per catalog object (react-query keeps one per release). */
export function optionIndexOf(catalog: ReleaseOptionCatalog): OptionIndex {
  let index = indexes.get(catalog);
  if (!index) {
    index = indexCatalog(catalog);
    indexes.set(catalog, index);
  }
  return index;
}

/**
 * The option catalog of `release`, indexed; undefined while it loads, when it cannot be loaded, or while not
 * `enabled` (nothing is fetched then). Fetched lazily, never at start-up: only a component that needs it asks.
 */
export function useOptionIndex(release: Release, enabled = true): OptionIndex | undefined {
  const { data } = useQuery({ ...optionCatalogQuery(release), enabled });
  return useMemo(() => (data ? optionIndexOf(data) : undefined), [data]);
}

/** Loads (or takes from react-query's cache) the catalog of the project's release at the time of the call. */
export type OptionIndexSource = () => Promise<OptionIndex | undefined>;

export function optionIndexSource(client: QueryClient): OptionIndexSource {
  return async () => {
    const release = studioStore.getState().project.nixosRelease;
    try {
      return optionIndexOf(await client.fetchQuery(optionCatalogQuery(release)));
    } catch {
      return undefined;
    }
  };
}

/** The source for the Nix editors' completion; null outside a QueryClientProvider (tests of an editor alone). */
export function useOptionIndexSource(): OptionIndexSource | null {
  const client = useContext(QueryClientContext);
  return useMemo(() => (client ? optionIndexSource(client) : null), [client]);
}
