import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalSpecialisations } from '../../test/eval-specialisations';
import { hasNix, NIX_TIMEOUT, nixEvalJson, nixParseErrors, NO_NIX, tempFile } from '../../test/nix';
import { generate } from '../generate';
import { importNix, type ImportSuccess } from '../import/import-nix';
import { patchConfiguration, type PatchSuccess } from './patch';
import { FIXTURE_DIR, LEAK_FILE, leakProject, PATCH_FIXTURES } from './cases';

const read = (name: string) => readFileSync(join(FIXTURE_DIR, name), 'utf8');

/**
 * The specialisations a file defines itself plus those of the module it imports (`imports`, or a
 * flake's `modules`), as a module for evalSpecialisations.
 */
function entry(file: string, moduleName: string): string {
  // The stand-in lib, with what a file with computed entry names uses (computed-names.nix).
  const withLib = `args: let args' = args // { lib = args.lib // { genAttrs = names: f: builtins.listToAttrs (map (n: { name = n; value = f n; }) names); }; }; in`;
  const fromModule = `m: if builtins.typeOf m == "path" then (if baseNameOf m == "${moduleName}" then (import m args').specialisation else { }) else ((if builtins.isFunction m then m args' else m).specialisation or { })`;
  if (file === 'flake.nix')
    return `f: ${withLib} let mods = (f.outputs { self = { }; nixpkgs.lib.nixosSystem = a: a; }).nixosConfigurations.desk.modules; in { specialisation = builtins.foldl' (acc: m: acc // ((${fromModule}) m)) { } mods; }`;
  return `f: ${withLib} let p = if builtins.isFunction f then f args' else f; in { specialisation = (p.specialisation or (p.config.specialisation or { })) // builtins.foldl' (acc: m: acc // ((${fromModule}) m)) { } (p.imports or [ ]); }`;
}

describe.skipIf(!hasNix)('patched files, read by real Nix', { timeout: NIX_TIMEOUT * 2 }, () => {
  const cases = PATCH_FIXTURES.map((file, i) => {
    const text = read(file);
    const imported = importNix(text) as ImportSuccess;
    const moduleName = `specialisations-${i}.nix`;
    const patched = patchConfiguration(text, imported.project, { moduleFile: `./${moduleName}` }) as PatchSuccess;
    return { file, text, imported, moduleName, patched, module: generate(imported.project).text };
  });

  it('every patched file parses', () => {
    const texts = cases.map((c) => c.patched.text);
    expect(nixParseErrors(texts)).toEqual(texts.map(() => null));
  });

  it('the patched file and the module give the specialisations the file gave: every option value of every one', () => {
    for (const c of cases) tempFile(c.moduleName, c.module);
    const evaluated = evalSpecialisations([
      ...cases.map((c) => ({ text: c.text, entry: entry(c.file, c.moduleName) })),
      ...cases.map((c) => ({ text: c.patched.text, entry: entry(c.file, c.moduleName) })),
      // The patched file alone defines none any more.
      ...cases.map((c) => ({ text: c.patched.text, entry: entry(c.file, 'none') })),
    ]);
    cases.forEach((c, i) => {
      const input = evaluated[i];
      const output = evaluated[cases.length + i];
      expect(evaluated[2 * cases.length + i], c.file).toEqual({});
      expect(Object.keys(output).sort(), c.file).toEqual(Object.keys(input).sort());
      for (const [name, spec] of Object.entries(input)) {
        expect(output[name].inheritParentConfig, `${c.file}: ${name}`).toBe(spec.inheritParentConfig);
        for (const [path, value] of Object.entries(spec.options)) expect(output[name].options[path], `${c.file}: ${name}: ${path}`).toEqual(value);
        // A Nix entry (computed names) is kept whole: the module adds nothing to it.
        const added = c.imported.report.specialisations.find((s) => s.name === name)?.added.map((a) => a.path) ?? [];
        const extra = Object.keys(output[name].options).filter((p) => !(p in spec.options));
        expect(extra.sort(), `${c.file}: ${name}: options the file did not set`).toEqual(added.sort());
      }
    });
  });
});

/**
 * The value each entry ends up with for `options`, NixOS-style: the parent module evaluated with
 * `config.specialisation` as the entry sees it (`mkIf` resolved), and in a specialisation its own
 * definitions added; the highest priority (lowest number) wins, equal ones must agree.
 */
const nixList = (xs: readonly string[]) => `[ ${xs.map((x) => JSON.stringify(x)).join(' ')} ]`;

function effectiveValues(parent: string, module: string, names: string[], options: string[]) {
  const parentFile = tempFile(`leak-parent-${Math.random().toString(36).slice(2)}.nix`, parent);
  const moduleFile = tempFile(`leak-module-${Math.random().toString(36).slice(2)}.nix`, module);
  const values = nixEvalJson(`
    let
      lib = {
        mkOverride = priority: content: { _type = "override"; inherit priority content; };
        mkForce = lib.mkOverride 50;
        mkDefault = lib.mkOverride 1000;
        mkIf = condition: content: { _type = "if"; inherit condition content; };
      };
      pkgs = { };
      args = config: { inherit config lib pkgs; options = { }; modulesPath = "/modules"; };
      get = path: set: builtins.foldl' (acc: n: if builtins.isAttrs acc && acc ? \${n} then acc.\${n} else null) set path;
      defs = d:
        if d == null then [ ]
        else if builtins.isAttrs d && d ? _type && d._type == "if" then (if d.condition then defs d.content else [ ])
        else if builtins.isAttrs d && d ? _type && d._type == "override" then map (x: x // { priority = d.priority; }) (defs d.content)
        else [ { priority = 100; value = d; } ];
      merge = ds:
        let
          best = builtins.foldl' (m: d: if d.priority < m then d.priority else m) 9999 ds;
          values = map (d: d.value) (builtins.filter (d: d.priority == best) ds);
        in if ds == [ ] then null else if builtins.all (v: v == builtins.head values) values then builtins.head values else "conflict";
      parentIn = specs: (import ${parentFile}) (args { specialisation = specs; });
      specs = ((import ${moduleFile}) (args { })).specialisation;
      paths = map (lib.splitString or (s: builtins.filter builtins.isString (builtins.split "[.]" s))) ${nixList(options)};
      valuesOf = parentDefs: ownConfig: builtins.listToAttrs (map (p: {
        name = builtins.concatStringsSep "." p;
        value = merge (defs (get p parentDefs) ++ defs (get p ownConfig));
      }) paths);
    in {
      parent = valuesOf (parentIn specs) { };
    } // builtins.listToAttrs (map (name: {
      inherit name;
      value = valuesOf (parentIn { }) specs.\${name}.configuration;
    }) ${nixList(names)})
  `) as Record<string, Record<string, unknown>>;
  // An option no definition sets has its default: false for these `enable`s.
  for (const entry of Object.values(values)) for (const [path, value] of Object.entries(entry)) if (value === null && path.endsWith('.enable')) entry[path] = false;
  return values;
}

describe.skipIf(!hasNix)('a parent setting set for the parent only, evaluated by real Nix', { timeout: NIX_TIMEOUT }, () => {
  it('gives every entry the value lib.mkForce gives it, without the mkForce in the module', () => {
    const project = leakProject();
    const options = patchConfiguration(LEAK_FILE, project) as PatchSuccess;
    const all = new Set(options.leaks.map((l) => l.option));
    expect(all.size).toBe(3);
    const forced = options;
    const gated = patchConfiguration(LEAK_FILE, project, { parentOnly: all }) as PatchSuccess;
    expect(gated.ok).toBe(true);
    const forcedModule = generate(project).text;
    const gatedModule = generate(project, undefined, { parentOnly: all }).text;
    // Per specialisation: GNOME, GDM and the user are forced, and the session (which stays forced: the parent's is gnome).
    expect(forcedModule.match(/lib\.mkForce/g)).toHaveLength(8);
    expect(gatedModule.match(/lib\.mkForce/g)).toHaveLength(2);
    expect(gatedModule).not.toContain('gnome.enable');
    expect(nixParseErrors([gated.text, gatedModule])).toEqual([null, null]);

    const names = project.specialisations.map((s) => s.name);
    const list = [...all, 'services.xserver.enable'];
    const withForce = effectiveValues(forced.text, forcedModule, names, list);
    const withGate = effectiveValues(gated.text, gatedModule, names, list);
    expect(withGate).toEqual(withForce);
    expect(withGate.parent).toEqual({
      'services.xserver.desktopManager.gnome.enable': true,
      'services.xserver.displayManager.gdm.enable': true,
      'services.displayManager.autoLogin.user': 'alice',
      'services.xserver.enable': true,
    });
    expect(withGate.chani['services.displayManager.autoLogin.user']).toBe('chani');
    expect(withGate.paul['services.displayManager.autoLogin.user']).toBe('paul');
    for (const name of names) {
      expect(withGate[name]['services.xserver.desktopManager.gnome.enable']).toBe(false);
      expect(withGate[name]['services.xserver.displayManager.gdm.enable']).toBe(false);
    }
    // Without either, the parent's GNOME would run in both specialisations beside Plasma.
    const neither = effectiveValues(forced.text, generate({ ...project, base: null }).text, names, list);
    expect(neither.chani['services.xserver.desktopManager.gnome.enable']).toBe(true);
  });
});

if (!hasNix) it.skip(NO_NIX, () => {});
