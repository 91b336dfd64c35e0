import { describe, expect, it } from 'vitest';
import { RELEASES, type Release } from '../../model/types';
import { buildReleaseCatalog } from './build';
import { OPTION_FACTS, RENAME_FACTS } from './data';
import { checkValueType, indexCatalog, splitPrefix } from './lookup';

const indexes = new Map(RELEASES.map((r) => [r, indexCatalog(buildReleaseCatalog(r, OPTION_FACTS, RENAME_FACTS))]));
const at = (release: Release) => indexes.get(release)!;

describe('optionAt', () => {
  it('finds an option by its path, and `<name>` placeholders by any name', () => {
    expect(at('25.11').optionAt(['boot', 'kernelParams'])?.type).toBe('listOf str');
    expect(at('25.11').optionAt(['systemd', 'services', 'my-job', 'enable'])?.path).toEqual(['systemd', 'services', '<name>', 'enable']);
    expect(at('25.11').optionAt(['users', 'users', 'alice', 'openssh', 'authorizedKeys', 'keys'])?.type).toBe('listOf str');
    expect(at('25.11').optionAt(['fileSystems', '/home', 'fsType'])?.default).toBe('auto');
    expect(at('25.11').optionAt(['boot', 'nope'])).toBeUndefined();
    expect(at('25.11').optionAt(['boot'])).toBeUndefined();
  });

  it('knows only what the release has', () => {
    expect(at('24.05').optionAt(['hardware', 'graphics', 'enable'])).toBeUndefined();
    expect(at('24.11').optionAt(['hardware', 'graphics', 'enable'])?.releases.from).toBe('24.11');
    expect(at('24.05').optionAt(['hardware', 'opengl', 'enable'])).toBeDefined();
    expect(at('23.11').optionAt(['services', 'desktopManager', 'plasma6', 'enable'])).toBeUndefined();
    expect(at('25.11').optionAt(['services', 'xserver', 'desktopManager', 'plasma5', 'enable'])).toBeUndefined();
  });
});

describe('renameOf', () => {
  it('gives the new path of a renamed option, carrying names and the rest of a whole-set rename over', () => {
    expect(at('24.11').renameOf(['hardware', 'opengl', 'driSupport32Bit'])?.to).toEqual(['hardware', 'graphics', 'enable32Bit']);
    expect(at('24.05').renameOf(['hardware', 'opengl', 'enable'])).toBeUndefined();
    expect(at('25.11').renameOf(['services', 'xserver', 'desktopManager', 'pantheon', 'extraSwitchboardPlugs'])?.to).toEqual([
      'services', 'desktopManager', 'pantheon', 'extraSwitchboardPlugs',
    ]);
    expect(at('24.05').renameOf(['services', 'xserver', 'displayManager', 'autoLogin', 'user'])?.to).toEqual([
      'services', 'displayManager', 'autoLogin', 'user',
    ]);
    expect(at('23.11').renameOf(['users', 'users', 'bob', 'passwordFile'])?.to).toEqual(['users', 'users', 'bob', 'hashedPasswordFile']);
  });

  it('says when an option was removed', () => {
    const hit = at('25.11').renameOf(['services', 'xserver', 'desktopManager', 'plasma5', 'enable']);
    expect(hit?.to).toBeNull();
    expect(hit?.rename.kind).toBe('removed');
  });
});

describe('completions', () => {
  it('completes a partial last segment, in path order, up to the limit', () => {
    const paths = at('25.11').completions('boot.loader.systemd-boot.con', 10).map((c) => c.path.join('.'));
    expect(paths).toEqual(['boot.loader.systemd-boot.configurationLimit', 'boot.loader.systemd-boot.consoleMode']);
    expect(at('25.11').completions('services.', 5)).toHaveLength(5);
    expect(at('25.11').completions('', 3).map((c) => c.path[0])).toEqual(['boot', 'boot', 'boot']);
  });

  it('walks into `<name>` with the caller\'s name and keeps it in the result', () => {
    const c = at('25.11').completions('systemd.services.backup.wanted');
    expect(c.map((x) => x.path.join('.'))).toEqual(['systemd.services.backup.wantedBy']);
    expect(c[0].option.path).toContain('<name>');
    expect(at('25.11').completions('systemd.services.backup.').length).toBeGreaterThan(20);
  });

  it('handles quoted segments and finds nothing for unknown prefixes', () => {
    expect(splitPrefix('fileSystems."/mnt/a.b".fs')).toEqual(['fileSystems', '/mnt/a.b', 'fs']);
    expect(at('25.11').completions('fileSystems."/mnt/a.b".fs').map((c) => c.path)).toEqual([['fileSystems', '/mnt/a.b', 'fsType']]);
    expect(at('25.11').completions('nosuch.thing')).toEqual([]);
  });

  it('takes well under 50 ms a call over the whole catalog', () => {
    const index = at('unstable');
    const prefixes = ['', 'b', 'boot.', 'services.x', 'systemd.services.foo.', 'users.users.alice.o', 'hardware.nvidia.prime.', 'zz'];
    const start = performance.now();
    let calls = 0;
    for (let i = 0; i < 200; i++) for (const p of prefixes) {
      index.completions(p, 50);
      calls++;
    }
    const perCall = (performance.now() - start) / calls;
    expect(perCall).toBeLessThan(5);
  });
});

describe('checkValueType', () => {
  it('matches Setting rows to option types', () => {
    expect(checkValueType('bool', 'bool')).toBe('fits');
    expect(checkValueType('bool', 'string')).toBe('mismatch');
    expect(checkValueType('nullOr int', 'int')).toBe('fits');
    expect(checkValueType('str', 'path')).toBe('mismatch');
    expect(checkValueType('path', 'string')).toBe('fits');
    expect(checkValueType('listOf str', 'strings')).toBe('fits');
    expect(checkValueType('listOf str', 'packages')).toBe('mismatch');
    expect(checkValueType('listOf package', 'packages')).toBe('fits');
    expect(checkValueType('listOf either package str', 'strings')).toBe('fits');
    expect(checkValueType('attrsOf submodule', 'string')).toBe('mismatch');
    expect(checkValueType('attrsOf submodule', 'nix')).toBe('fits');
    expect(checkValueType('other', 'bool')).toBe('unknown');
    expect(checkValueType('package', 'packages')).toBe('mismatch');
    expect(checkValueType('either bool enum', 'string', ['strict', 'loose'])).toBe('fits');
    expect(checkValueType('enum', 'bool', ['a', 'b'])).toBe('mismatch');
    expect(checkValueType('enum', 'int', [1, 2])).toBe('fits');
    expect(checkValueType('listOf enum', 'strings', ['x'])).toBe('fits');
    expect(checkValueType('float', 'int')).toBe('mismatch');
  });

  it('agrees with every option in the catalog for a nix row', () => {
    for (const f of OPTION_FACTS) expect(checkValueType(f.type, 'nix', f.enum)).toBe('fits');
  });
});
