import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { RELEASES } from '../../model/types';
import { buildReleaseCatalog, inRange, optionCatalogText } from './build';
import { OPTION_FACTS, RENAME_FACTS } from './data';
import { joinPath } from './dsl';
import { parseType, usesEnum } from './type-grammar';

const DIR = join(__dirname, '../../../public/options');

describe('option catalog files', () => {
  it.each(RELEASES)('public/options/%s.json is what scripts/write-options.ts writes (npm run options) and ≤ 300 kB gzip', (release) => {
    const text = readFileSync(join(DIR, `${release}.json`), 'utf8');
    expect(text).toBe(optionCatalogText(buildReleaseCatalog(release, OPTION_FACTS, RENAME_FACTS)));
    expect(gzipSync(text).length).toBeLessThanOrEqual(300_000);
    expect(JSON.parse(text).release).toBe(release);
  });
});

describe('option facts', () => {
  it('use only the type vocabulary, and list enum values exactly where the type has an enum', () => {
    for (const f of OPTION_FACTS) {
      const where = joinPath(f.path);
      const type = parseType(f.type);
      expect(usesEnum(type), where).toBe(f.enum !== undefined);
      if (f.enum) expect(f.enum.length, where).toBeGreaterThan(0);
    }
  });

  it('hold one entry per path and release', () => {
    for (const release of RELEASES) {
      const seen = new Set<string>();
      for (const f of OPTION_FACTS.filter((x) => inRange(x.releases, release))) {
        const key = joinPath(f.path);
        expect(seen.has(key), `${key} twice in ${release}`).toBe(false);
        seen.add(key);
      }
    }
  });

  it('have release ranges that are not empty, and sources in nixpkgs', () => {
    for (const f of [...OPTION_FACTS, ...RENAME_FACTS]) {
      const { from, until } = f.releases;
      if (until) expect(RELEASES.indexOf(from), JSON.stringify(f)).toBeLessThan(RELEASES.indexOf(until));
      expect(f.source.file).toMatch(/^nixos\//);
      if (f.source.commit !== null) expect(f.source.commit).toMatch(/^[0-9a-f]{7,40}$/);
      // A row not read at a commit must say which of its facts are unverified.
      if (f.source.commit === null) expect(f.unverified?.length ?? 0, JSON.stringify(f)).toBeGreaterThan(0);
    }
  });

  it('rename targets exist in the releases that have the rename (or are whole sets with options below them)', () => {
    for (const r of RENAME_FACTS.filter((x) => x.to)) {
      for (const release of RELEASES.filter((x) => inRange(r.releases, x))) {
        // The target, an option below it (a whole-set rename), or a freeform option above it (settings.Login).
        const under = OPTION_FACTS.some(
          (f) =>
            inRange(f.releases, release) &&
            (r.to!.every((p, i) => f.path[i] === p) || (f.path.length < r.to!.length && f.path.every((p, i) => r.to![i] === p) && f.type.startsWith('attrsOf'))),
        );
        expect(under, `${joinPath(r.from)} → ${joinPath(r.to!)} in ${release}`).toBe(true);
      }
    }
  });

  it('an option that stops at a release where a rename starts points to a target', () => {
    const renamed = new Set(RENAME_FACTS.map((r) => joinPath(r.from)));
    expect(renamed.has('hardware.opengl.enable')).toBe(true);
    expect(renamed.has('services.xserver.displayManager.sddm.enable')).toBe(true);
  });
});
