import { useQuery } from '@tanstack/react-query';
import { DESKTOPS, DISPLAY_MANAGERS, NVIDIA_DRIVERS, type Release } from '../model/types';
import type { ReleaseEntry } from '../nixos/catalog';
import { releasesQuery } from './queries';

export interface Choice {
  id: string;
  label: string;
}

export interface ReleaseChoices {
  status: 'pending' | 'error' | 'success';
  desktops: Choice[];
  displayManagers: Choice[];
  kernels: string[];
  nvidiaDrivers: string[];
  brokenNvidiaDrivers: string[];
}

/** Every value the model allows, for when the catalog is not (yet) there; validation flags what the release lacks. */
const FALLBACK: Omit<ReleaseChoices, 'status'> = {
  desktops: DESKTOPS.filter((d) => d !== 'none').map((id) => ({ id, label: id })),
  displayManagers: DISPLAY_MANAGERS.filter((d) => d !== 'auto' && d !== 'none').map((id) => ({ id, label: id })),
  kernels: [],
  nvidiaDrivers: [...NVIDIA_DRIVERS],
  brokenNvidiaDrivers: [],
};

/** What the chosen release offers, from the releases catalog; falls back to the model's lists while loading or on error. */
export function useReleaseChoices(release: Release): ReleaseChoices {
  const query = useQuery(releasesQuery());
  const entry: ReleaseEntry | undefined = query.data?.releases.find((r) => r.id === release);
  if (!entry) return { status: query.status === 'success' ? 'error' : query.status, ...FALLBACK };
  return { status: 'success', ...entry };
}
