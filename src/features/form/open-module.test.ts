import { describe, expect, it } from 'vitest';
import { openModuleHint, recommendedOpenModule } from './open-module';

describe('the open kernel module default and hint', () => {
  it('recommends the open module where NixOS asks for the choice (24.11 and later), the proprietary one before', () => {
    expect(recommendedOpenModule('24.05')).toBe(false);
    expect(recommendedOpenModule('24.11')).toBe(true);
    expect(recommendedOpenModule('26.05')).toBe(true);
    expect(recommendedOpenModule('unstable')).toBe(true);
  });

  it('says what the choice writes', () => {
    expect(openModuleHint('25.05', true)).toMatch(/^Writes hardware\.nvidia\.open = true\./);
    expect(openModuleHint('25.05', false)).toMatch(/^Writes hardware\.nvidia\.open = false\./);
    expect(openModuleHint('24.05', true)).toMatch(/^Writes hardware\.nvidia\.open = true\./);
    expect(openModuleHint('24.05', false)).toMatch(/^Writes nothing: the proprietary module/);
  });
});
