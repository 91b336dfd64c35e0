/**
 * Fetches a catalog file relative to the page's base URL, so a build served from a sub-path finds it.
 * `check` rejects a file of the wrong shape, which then counts as a failed load.
 */
export async function fetchCatalog<T>(file: string, check: (data: unknown) => data is T, signal?: AbortSignal): Promise<T> {
  const response = await fetch(`${import.meta.env.BASE_URL}catalog/${file}`, { signal });
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  const data: unknown = await response.json();
  if (!check(data)) throw new Error(`${file} does not have the expected shape`);
  return data;
}

export const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** True when `data[key]` is a list whose items all pass `item`. */
export function listOf(data: unknown, key: string, item: (x: Record<string, unknown>) => boolean): boolean {
  if (!isRecord(data) || !Array.isArray(data[key])) return false;
  return (data[key] as unknown[]).every((x) => isRecord(x) && item(x));
}
