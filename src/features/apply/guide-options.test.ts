import { describe, expect, it } from 'vitest';
import { DEFAULT_GUIDE_OPTIONS } from '../../nixos/rebuild';
import { GUIDE_OPTIONS_KEY, readGuideOptions } from './guide-options';

const stored = (value: string | null) => ({ getItem: (key: string) => (key === GUIDE_OPTIONS_KEY ? value : null) });

describe('the stored build method and host', () => {
  it('reads back what was saved', () => {
    expect(readGuideOptions(stored(JSON.stringify({ method: 'nh', host: 'laptop' })))).toEqual({ method: 'nh', host: 'laptop' });
  });

  it('takes the default for anything missing, unknown or not JSON', () => {
    expect(readGuideOptions(null)).toEqual(DEFAULT_GUIDE_OPTIONS);
    expect(readGuideOptions(stored(null))).toEqual(DEFAULT_GUIDE_OPTIONS);
    expect(readGuideOptions(stored('{not json'))).toEqual(DEFAULT_GUIDE_OPTIONS);
    expect(readGuideOptions(stored('"flake"'))).toEqual(DEFAULT_GUIDE_OPTIONS);
    expect(readGuideOptions(stored(JSON.stringify({ method: 'docker', host: 7 })))).toEqual(DEFAULT_GUIDE_OPTIONS);
    expect(readGuideOptions(stored(JSON.stringify({ method: 'flake' })))).toEqual({ method: 'flake', host: '' });
  });

  it('survives storage that throws', () => {
    expect(
      readGuideOptions({
        getItem: () => {
          throw new Error('SecurityError');
        },
      }),
    ).toEqual(DEFAULT_GUIDE_OPTIONS);
  });
});
