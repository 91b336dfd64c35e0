import { queryOptions } from '@tanstack/react-query';
import type { GroupsCatalog, PackagesCatalog, ReleasesCatalog } from '../nixos/catalog';
import { fetchCatalog, listOf } from './fetch-catalog';

const str = (x: unknown) => typeof x === 'string';

const isReleases = (d: unknown): d is ReleasesCatalog =>
  listOf(d, 'releases', (r) => str(r.id) && Array.isArray(r.desktops) && Array.isArray(r.displayManagers) && Array.isArray(r.kernels) && Array.isArray(r.nvidiaDrivers));
const isGroups = (d: unknown): d is GroupsCatalog => listOf(d, 'groups', (g) => str(g.name) && str(g.description));
const isPackages = (d: unknown): d is PackagesCatalog => listOf(d, 'packages', (p) => str(p.attr) && str(p.description));

// The catalogs are static files of this build: fetched once, never stale.
const STATIC = { staleTime: Infinity, gcTime: Infinity } as const;

export const releasesQuery = () =>
  queryOptions({
    queryKey: ['catalog', 'releases'],
    queryFn: ({ signal }) => fetchCatalog('releases.json', isReleases, signal),
    ...STATIC,
  });

export const groupsQuery = () =>
  queryOptions({
    queryKey: ['catalog', 'groups'],
    queryFn: ({ signal }) => fetchCatalog('groups.json', isGroups, signal),
    ...STATIC,
  });

export const packagesQuery = () =>
  queryOptions({
    queryKey: ['catalog', 'packages'],
    queryFn: ({ signal }) => fetchCatalog('packages.json', isPackages, signal),
    ...STATIC,
  });
