import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RELEASES } from '../model/types';
import { fetchOptionCatalog, isOptionCatalog, optionCatalogQuery } from './option-catalog';

const file = (release: string) => readFileSync(join(__dirname, `../../public/options/${release}.json`), 'utf8');

describe('option catalog loader', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('accepts every written catalog for its own release only', () => {
    for (const release of RELEASES) {
      const data: unknown = JSON.parse(file(release));
      expect(isOptionCatalog(data, release)).toBe(true);
      expect(isOptionCatalog(data, release === '22.05' ? '22.11' : '22.05')).toBe(false);
    }
  });

  it('refuses wrong shapes', () => {
    const good = JSON.parse(file('25.11'));
    const bad = (change: (d: typeof good) => void) => {
      const d = structuredClone(good);
      change(d);
      return isOptionCatalog(d, '25.11');
    };
    expect(bad((d) => (d.options[0].type = 'listOf gizmo'))).toBe(false);
    expect(bad((d) => (d.options[0].source = 9999))).toBe(false);
    expect(bad((d) => (d.options[0].path = []))).toBe(false);
    expect(bad((d) => (d.renames[0].kind = 'moved'))).toBe(false);
    expect(bad((d) => (d.format = 2))).toBe(false);
    expect(isOptionCatalog(null, '25.11')).toBe(false);
  });

  it('fetches options/<release>.json under the base URL, and fails on a bad file', async () => {
    const fetchMock = vi.fn(async (url: string) => new Response(url.endsWith('24.11.json') ? file('24.11') : '{"format":1}'));
    vi.stubGlobal('fetch', fetchMock);
    const catalog = await fetchOptionCatalog('24.11');
    expect(catalog.release).toBe('24.11');
    expect(fetchMock.mock.calls[0][0]).toBe(`${import.meta.env.BASE_URL}options/24.11.json`);
    await expect(fetchOptionCatalog('25.05')).rejects.toThrow(/expected shape/);
    expect(optionCatalogQuery('26.05').queryKey).toEqual(['catalog', 'options', '26.05']);
  });
});
