import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evalWithImports } from '../../test/eval-imports';
import { entriesEntry } from '../../test/eval-entries';
import type { EvaluatedSpecialisation, NixSource } from '../../test/eval-specialisations';
import { hasNix, nixParseError, NO_NIX, tempFile } from '../../test/nix';
import { generate } from '../generate';
import { validate } from '../validate';
import { importNix, type ImportSuccess } from './import-nix';

/**
 * Issue 11, item 9: for any input that imports without error, the project has no errors, real Nix
 * parses the generated module, and each specialisation evaluates (with the stand-ins of
 * eval-specialisations.ts) to the same value as in the input, priorities included — the only new
 * options being the report's additions. Inputs that fail to import are refused by real Nix too,
 * with the same message. The inputs combine every spelling the importer reads: headers with and
 * without `@` names (and with a name missing), bare bindings, dotted and nested entries, quoted
 * names, `inherit` from `let` helpers, helpers applied to arguments, function-form and `let`/`with`
 * configurations, mkForce/mkDefault, package lists with and without `with pkgs;`, PRIME without
 * the bus ids the parent sets, multi-line strings, and tabs; and (items 3 and 5) entries under
 * `mkIf` (one entry, or `config = mkIf cfg.enable { … }` around the module, each condition true or
 * false) and entries with computed names joined with `//` (lib.genAttrs, lib.mapAttrs).
 */

const RUNS = Number(process.env.FC_RUNS ?? 1000);
const BATCH = 250;

type Header = 'module' | 'args' | 'margs' | 'bare';
type Spelling = 'dotted' | 'nested' | 'inheritFrom' | 'inheritPlain' | 'helper' | 'helperTagged' | 'argsImport';
type Form = 'attrs' | 'function' | 'let' | 'with';

const SETTINGS = [
  'tags', 'params', 'modules', 'pkgsWith', 'pkgsSelect', 'user', 'userDotted', 'desktop', 'force', 'default', 'unknown',
  'unknownDotted', 'prime', 'primeFull', 'argsUse', 'letValue', 'computedName', 'text', 'kernel',
] as const;
type Setting = (typeof SETTINGS)[number];
const EXCLUSIVE: Setting[][] = [['pkgsWith', 'pkgsSelect'], ['prime', 'primeFull'], ['user', 'userDotted'], ['unknown', 'unknownDotted']];

interface Entry {
  name: string;
  quoted: boolean;
  spelling: Spelling;
  separate: boolean;
  form: Form;
  settings: Setting[];
  /** `name = mkIf cfg.on { … };` (nested entries only). */
  conditional: boolean;
}

interface Input {
  header: Header;
  /** A module argument the header leaves out (Nix refuses the file when it is used outside `with`). */
  drop: 'lib' | 'pkgs' | null;
  withLib: boolean;
  tabs: boolean;
  parentBusIds: boolean;
  block: boolean;
  /** The module's body under `config = mkIf cfg.enable { … }`. */
  guard: boolean;
  /** Entries with computed names joined to the set with `//`. */
  computed: 'none' | 'genAttrs' | 'mapAttrs';
  /** What the options the conditions read are: `config.prop.enable` and `config.prop.on`. */
  enable: boolean;
  on: boolean;
  entries: Entry[];
}

const NAMES = ['gaming', 'work', 'my-entry', 'a_b', 'kernel-test', 'x1'];

const entryArb = (name: string): fc.Arbitrary<Entry> =>
  fc.record({
    name: fc.constant(name),
    quoted: fc.boolean(),
    spelling: fc.constantFrom<Spelling>('dotted', 'nested', 'inheritFrom', 'inheritPlain', 'helper', 'helperTagged', 'argsImport'),
    separate: fc.boolean(),
    form: fc.constantFrom<Form>('attrs', 'attrs', 'function', 'let', 'with'),
    settings: fc.subarray([...SETTINGS], { minLength: 0, maxLength: 6 }).map((list) =>
      list.filter((s) => !EXCLUSIVE.some((group) => group.includes(s) && group.some((o) => o !== s && list.includes(o) && group.indexOf(o) < group.indexOf(s)))),
    ),
    conditional: fc.boolean(),
  });

const inputArb: fc.Arbitrary<Input> = fc
  .record({
    header: fc.constantFrom<Header>('module', 'module', 'args', 'margs', 'bare'),
    drop: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom<'lib' | 'pkgs'>('lib', 'pkgs') }),
    withLib: fc.boolean(),
    tabs: fc.boolean(),
    parentBusIds: fc.boolean(),
    block: fc.boolean(),
    guard: fc.boolean(),
    computed: fc.constantFrom<Input['computed']>('none', 'none', 'genAttrs', 'mapAttrs'),
    enable: fc.boolean(),
    on: fc.boolean(),
    names: fc.shuffledSubarray(NAMES, { minLength: 1, maxLength: 3 }),
  })
  .chain((r) => fc.tuple(...r.names.map(entryArb)).map((entries) => ({ ...r, entries })))
  .map(({ names: _names, ...r }) => normaliseInput(r));

/** Keeps the combinations that are valid Nix the stand-ins can evaluate (and says what is left). */
function normaliseInput(input: Input): Input {
  const bare = input.header === 'bare';
  const hasArgs = input.header === 'args' || input.header === 'margs';
  const entries = input.entries.map((e) => {
    let { spelling, form, settings } = e;
    // Bare bindings have no `let` for helpers, and no `@` name.
    if (bare && spelling !== 'dotted' && spelling !== 'nested') spelling = 'dotted';
    if (!hasArgs && spelling === 'argsImport') spelling = 'nested';
    if (!hasArgs) settings = settings.filter((s) => s !== 'argsUse');
    if (bare) settings = settings.filter((s) => s !== 'letValue' && s !== 'computedName');
    // Under `with pkgs;` a dropped `lib` would be pkgs.lib: not a stand-in that works.
    if (input.drop && form === 'with') form = 'attrs';
    // A condition needs lib.mkIf: not with `lib` dropped.
    const conditional = e.conditional && spelling === 'nested' && input.drop !== 'lib';
    return { ...e, spelling, form, settings, conditional };
  });
  const lib = input.drop !== 'lib';
  return {
    ...input,
    drop: bare ? null : input.drop,
    withLib: !bare && !input.drop && input.withLib,
    guard: input.guard && !bare && lib,
    computed: lib ? input.computed : 'none',
    // `specialisation = { … } // …` cannot sit beside `specialisation.x = …`: all entries in the set.
    block: input.block || (lib && input.computed !== 'none'),
    entries,
  };
}

const SETTING_LINES: Record<Setting, (name: string) => string[]> = {
  tags: (n) => [`system.nixos.tags = [ "t-${n}" ];`],
  params: () => ['boot.kernelParams = [ "quiet" "loglevel=3" ];'],
  modules: () => ['boot.kernelModules = [ "kvm-intel" ];'],
  pkgsWith: () => ['environment.systemPackages = with pkgs; [', '\tfirefox', '\tgit', '];'],
  pkgsSelect: () => ['environment.systemPackages = [ pkgs.firefox pkgs.git ];'],
  user: () => ['users.users.alice = {', '\tisNormalUser = true;', '\tuid = 1001;', '\textraGroups = [ "wheel" "video" ];', '};'],
  userDotted: () => ['users.users.alice.isNormalUser = true;', 'users.users.alice.description = "Alice";'],
  desktop: () => ['services.desktopManager.plasma6.enable = true;'],
  force: () => ['services.xserver.enable = lib.mkForce true;'],
  default: () => ['hardware.bluetooth.enable = lib.mkDefault false;'],
  unknown: () => ['services.foo = {', '\tenable = true;', '\tsettings = {', '\t\tport = 8080;', '\t};', '};'],
  unknownDotted: () => ['services.foo.enable = true;', 'services.foo.settings.port = 8080;'],
  prime: () => ['services.xserver.videoDrivers = [ "nvidia" ];', 'hardware.nvidia.prime.offload.enable = true;'],
  primeFull: () => [
    'services.xserver.videoDrivers = [ "nvidia" ];',
    'hardware.nvidia.prime = {',
    '\tsync.enable = true;',
    '\tnvidiaBusId = "PCI:1:0:0";',
    '\tintelBusId = "PCI:0:2:0";',
    '};',
  ],
  argsUse: () => ['services.bar.enable = ARGS.lib.mkDefault true;'],
  letValue: () => ['console.font = font;'],
  computedName: () => ['users.users.${who}.extraGroups = [ "audio" ];'],
  text: () => ["environment.etc.motd.text = ''", '\thello', '\t\tindented', "'';"],
  kernel: () => ['boot.kernelPackages = pkgs.linuxPackages_latest;'],
};

/** The input as text: indentation levels are `\t` in the lines above, written as tabs or two spaces. */
function render(input: Input): { text: string; source: NixSource } {
  const out: string[] = [];
  const unit = input.tabs ? '\t' : '  ';
  const emit = (level: number, lines: string[]) => {
    for (const l of lines) {
      const extra = /^\t*/.exec(l)![0].length;
      out.push(l.trim() === '' ? '' : unit.repeat(level + extra) + l.slice(extra));
    }
  };
  const argsName = input.header === 'margs' ? 'margs' : 'args';
  const q = (e: Entry) => (e.quoted ? `"${e.name}"` : e.name);
  const bare = input.header === 'bare';
  const formals = ['config', 'lib', 'pkgs'].filter((f) => f !== input.drop).join(', ');

  const settingLines = (e: Entry) => e.settings.flatMap((s) => SETTING_LINES[s](e.name).map((l) => l.replace('ARGS', argsName)));
  /** The configuration's value, as lines (the first continues the `configuration =` line). */
  const configuration = (e: Entry): string[] => {
    const body = settingLines(e);
    const set = body.length ? ['{', ...body.map((l) => `\t${l}`), '}'] : ['{ }'];
    switch (e.form) {
      case 'attrs':
        return set;
      case 'function':
        return [`{ config, pkgs, ... }: ${set[0]}`, ...set.slice(1)];
      case 'let':
        return ['let', '\tlocal = "unused";', `in ${set[0]}`, ...set.slice(1)];
      case 'with':
        return [`with pkgs; ${set[0]}`, ...set.slice(1)];
    }
  };
  /** `head = <lines>;` */
  const bind = (head: string, value: string[]): string[] => (value.length === 1 ? [`${head} = ${value[0]};`] : [`${head} = ${value[0]}`, ...value.slice(1, -1), `${value[value.length - 1]};`]);
  const mkIf = input.withLib ? 'mkIf' : 'lib.mkIf';
  const entrySet = (e: Entry): string[] => {
    const conf = configuration(e);
    const set = ['{', ...(e.separate ? ['\tinheritParentConfig = false;'] : []), ...bind('\tconfiguration', conf.map((l, i) => (i === 0 ? l : `\t${l}`))), '}'];
    return e.conditional ? [`${mkIf} ${bare ? 'config.prop.on' : 'cfg.on'} ${set[0]}`, ...set.slice(1)] : set;
  };

  // `let` helpers (not in bare bindings).
  const lets: string[] = [];
  if (!bare) {
    lets.push('core = [ ./core.nix ];', 'font = "ter-v32n";', 'who = "bob";', 'cfg = config.prop;');
    lets.push('mk = module: {', '\tinheritParentConfig = false;', '\tconfiguration.imports = core ++ [ module ];', '};');
    lets.push('mkTagged = tag: {', '\tconfiguration.system.nixos.tags = [ tag ];', '};');
    const fromSpecs = input.entries.filter((e) => e.spelling === 'inheritFrom');
    if (fromSpecs.length) lets.push('specs = {', ...fromSpecs.flatMap((e) => bind(`\t${e.name}`, entrySet(e).map((l, i) => (i === 0 ? l : `\t${l}`)))), '};');
    for (const e of input.entries.filter((x) => x.spelling === 'inheritPlain')) lets.push(...bind(e.name, entrySet(e)));
  }

  const top: string[] = [];
  if (input.parentBusIds) top.push('hardware.nvidia.prime.nvidiaBusId = "PCI:1:0:0";', 'hardware.nvidia.prime.intelBusId = "PCI:0:2:0";');
  top.push('networking.hostName = "prop";');
  const inBlock: string[] = [];
  for (const e of input.entries) {
    const rel = (path: string) => (input.block ? path : `specialisation.${path}`);
    const place = (lines: string[]) => (input.block ? inBlock : top).push(...lines);
    switch (e.spelling) {
      case 'dotted':
        if (e.separate) place([`${rel(q(e))}.inheritParentConfig = false;`]);
        place(bind(`${rel(q(e))}.configuration`, configuration(e)));
        break;
      case 'nested':
        place(bind(rel(q(e)), entrySet(e)));
        break;
      case 'inheritFrom':
        inBlock.push(`inherit (specs) ${e.name};`);
        break;
      case 'inheritPlain':
        inBlock.push(`inherit ${e.name};`);
        break;
      case 'helper':
        place([`${rel(q(e))} = mk ./${e.name}.nix;`]);
        break;
      case 'helperTagged':
        place([`${rel(q(e))} = mkTagged "${e.name}";`]);
        break;
      case 'argsImport':
        place([`${rel(q(e))}.configuration = import ./x.nix ${argsName};`]);
        break;
    }
  }
  const computed = {
    none: [],
    genAttrs: ['// lib.genAttrs [ "c1" "c2" ] (n: {', '\tconfiguration.system.nixos.tags = [ n ];', '})'],
    mapAttrs: ['// lib.mapAttrs (n: k: {', '\tconfiguration.boot.kernelPackages = k;', '}) {', '\tm1 = pkgs.linuxPackages_latest;', '}'],
  }[input.computed];
  if (computed.length) top.push('specialisation = {', ...inBlock.map((l) => `\t${l}`), '}', ...computed.slice(0, -1), `${computed[computed.length - 1]};`);
  else if (inBlock.length) top.push('specialisation = {', ...inBlock.map((l) => `\t${l}`), '};');

  if (bare) {
    emit(0, top);
    return { text: `${out.join('\n')}\n`, source: { text: `${out.join('\n')}\n`, bare: true } };
  }
  const header = input.header === 'margs' ? `margs@{ ${formals}, ... }:` : `{ ${formals}, ... }${input.header === 'args' ? '@args' : ''}:`;
  out.push(header);
  if (input.withLib) out.push('with lib;');
  out.push('let');
  emit(1, lets);
  out.push('in');
  out.push('{');
  if (input.guard) {
    out.push(`${unit}config = ${mkIf} cfg.enable {`);
    emit(2, top);
    out.push(`${unit}};`);
  } else emit(1, top);
  out.push('}');
  const text = `${out.join('\n')}\n`;
  return { text, source: { text } };
}

/** What the importer must give back: every entry, its inheritParentConfig and every option value. */
function compare(input: Record<string, EvaluatedSpecialisation>, output: Record<string, EvaluatedSpecialisation>, result: ImportSuccess): string | null {
  const names = (o: object) => Object.keys(o).sort().join(', ');
  if (names(input) !== names(output)) return `entries ${names(output)} instead of ${names(input)}`;
  for (const [name, spec] of Object.entries(input)) {
    const out = output[name];
    if (out.inheritParentConfig !== spec.inheritParentConfig) return `${name}: inheritParentConfig ${out.inheritParentConfig}`;
    for (const [path, value] of Object.entries(spec.options))
      if (JSON.stringify(out.options[path]) !== JSON.stringify(value)) return `${name}: ${path} is ${JSON.stringify(out.options[path])}, not ${JSON.stringify(value)}`;
    // An entry of a Nix entry (lib.genAttrs …) has no report of its own: nothing is added to it.
    const added = (result.report.specialisations.find((s) => s.name === name)?.added ?? []).map((a) => a.path).sort();
    const extra = Object.keys(out.options).filter((p) => !(p in spec.options)).sort();
    if (extra.join(' ') !== added.join(' ')) return `${name}: new options ${extra.join(' ')}, the report adds ${added.join(' ')}`;
  }
  return null;
}

describe('import never loses or changes a specialisation (property, real Nix)', () => {
  it.skipIf(!hasNix)(
    `holds for ${RUNS} generated inputs`,
    () => {
      const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
      const samples = fc.sample(inputArb, { numRuns: RUNS, seed });
      const inputs = samples.map(render);
      const where = (i: number) => `seed ${seed}, input ${i}:\n${inputs[i].text}`;
      tempFile('x.nix', '{ lib, pkgs, ... }: { programs.steam.enable = lib.mkForce true; environment.systemPackages = [ pkgs.mangohud ]; }\n');

      const imported: { index: number; result: ImportSuccess; output: string }[] = [];
      let refused = 0;
      inputs.forEach(({ text }, i) => {
        const r = importNix(text);
        if (!r.ok) {
          // Only what Nix refuses too, with the same message.
          expect(r.error.message, where(i)).toMatch(/^undefined variable '\w+'$/);
          expect(nixParseError(text), where(i)).toContain(`error: ${r.error.message}`);
          refused++;
          return;
        }
        expect(r.report.lost, where(i)).toEqual([]);
        expect(validate(r.project).filter((d) => d.severity === 'error'), where(i)).toEqual([]);
        imported.push({ index: i, result: r, output: generate(r.project).text });
      });
      expect(imported.length).toBeGreaterThan(RUNS * 0.8);
      expect(refused).toBeGreaterThan(0);

      for (let from = 0; from < imported.length; from += BATCH) {
        const batch = imported.slice(from, from + BATCH);
        // Evaluating them parses them: a module Nix refuses fails the batch with its file and line.
        // Conditions and merges around entries resolved as NixOS does, with the input's values of the options they read.
        const entry = (i: number) => entriesEntry(`{ prop = { enable = ${samples[i].enable}; on = ${samples[i].on}; }; }`);
        const evaluated = evalWithImports([
          ...batch.map((b) => ({ ...inputs[b.index].source, entry: entry(b.index) })),
          ...batch.map((b) => ({ text: b.output, entry: entry(b.index) })),
          { text: '{ lib, pkgs, ... }: { x = pkgs.mangohud; }' },
        ]);
        batch.forEach((b, k) => {
          const problem = compare(evaluated[k], evaluated[batch.length + k], b.result);
          expect(problem, `${where(b.index)}\ngenerated:\n${b.output}`).toBeNull();
        });
      }
    },
    240_000,
  );
  if (!hasNix) it.skip(NO_NIX, () => {});
});
