import type { Base, Project, Specialisation } from '../model/types';
import { attrName } from '../nix/strings';
import { REBUILD_SPECIALISATION_FLAG, at } from './releases';
import { FIELD_TRANSITION, heaviest, optionTransition, type FieldKind, type Transition } from './transition';
import { shellWord } from './shell-word';
import { DEFAULT_GUIDE_OPTIONS, flakeRef, rememberingRebuild, type GuideOptions } from './rebuild';
import { bootOnce } from './boot-once';

export interface GuideCommand {
  label: string;
  command: string;
  note?: string;
}


/** One thing an entry changes relative to its parent, and what applying it takes. */
export interface EntryChange {
  what: string;
  takes: Transition;
}

export interface ApplyGuide {
  name: string;
  /** What the entry changes relative to the parent system, each with what it takes. */
  changes: EntryChange[];
  /** The heaviest of `changes`; null when the entry changes nothing. */
  takes: Transition | null;
  /** Changes that only take effect when the machine boots into the entry. */
  needsReboot: string[];
  /** Changes that a switch applies to the running system (some only at the next login: they say so). */
  appliesOnSwitch: string[];
  /** Build the boot entries. */
  build: GuideCommand[];
  /** Run the entry until the next reboot; the boot menu stays as it is. */
  tryIt: GuideCommand[];
  /** Switch to the entry, boot into it once, rebuild from inside it. */
  switchTo: GuideCommand[];
  /** `build`, `tryIt` and `switchTo` in that order. */
  commands: GuideCommand[];
  /** How to return to the parent system. */
  back: GuideCommand[];
  /** Build a virtual machine of this entry alone and start it. */
  vm: GuideCommand[];
}

const PROFILE = '/nix/var/nix/profiles/system';


/** nh's installable and host: `. -H host`, or `.` alone (nh then takes the machine's host name). */
const nhTarget = (host: string) => (host ? `. -H ${shellWord(host)}` : '.');

/** The rebuild program and its arguments for an action (`boot`, `test`, `switch`), per build method. */
function rebuild(options: GuideOptions, action: 'boot' | 'test' | 'switch', name?: string): string {
  const spec = name === undefined ? '' : options.method === 'nh' ? ` -s ${shellWord(name)}` : ` --specialisation ${shellWord(name)}`;
  if (options.method === 'nh') return `nh os ${action} ${nhTarget(options.host)}${spec}`;
  const flake = options.method === 'flake' ? ` --flake ${flakeRef(options.host)}` : '';
  return `sudo nixos-rebuild ${action}${flake}${spec}`;
}

/**
 * An attribute name that an attribute path on Nix's command line (`-A a.b`, `.#a.b`) can hold:
 * bare, or in double quotes when it holds a dot. Nix splits such a path at dots outside double quotes
 * and has no escapes, and `-A` takes a name of digits alone as a list index; anything else needs an
 * expression (null).
 */
export function commandLineAttr(name: string, forA: boolean): string | null {
  if (!/^[A-Za-z0-9_+-][A-Za-z0-9_.+-]*$/.test(name)) return null;
  if (forA && /^[0-9]+$/.test(name)) return null;
  return name.includes('.') ? `"${name}"` : name;
}

const VM_ATTRS = 'configuration.system.build.vm';

/** The command that builds a VM of one specialisation (`config.specialisation.<name>.configuration.system.build.vm`). */
export function vmBuildCommand(name: string, options: GuideOptions): string {
  if (options.method === 'channels') {
    const config = '-I nixos-config=/etc/nixos/configuration.nix';
    const attr = commandLineAttr(name, true);
    if (attr !== null) return `nix-build '<nixpkgs/nixos>' -A ${shellWord(`config.specialisation.${attr}.${VM_ATTRS}`)} ${config}`;
    // Nix reads the name as a string argument: no attribute path, no Nix text made of the name.
    const expr = `{ name }: (import <nixpkgs/nixos> { }).config.specialisation.\${name}.${VM_ATTRS}`;
    return `nix-build -E ${shellWord(expr)} --argstr name ${shellWord(name)} ${config}`;
  }
  const attr = commandLineAttr(name, false);
  const hostAttr = options.host ? commandLineAttr(options.host, false) : '';
  if (attr !== null && hostAttr !== null) {
    const rest = `.config.specialisation.${attr}.${VM_ATTRS}`;
    // Without a host name the shell puts the machine's there, as nixos-rebuild and nh do.
    if (!options.host) return `nix build '.#nixosConfigurations.'"$(hostname)"${shellWord(rest)}`;
    return `nix build ${shellWord(`.#nixosConfigurations.${hostAttr}${rest}`)}`;
  }
  const expr = `{ host, name }: (builtins.getFlake (toString ./.)).nixosConfigurations.\${host}.config.specialisation.\${name}.${VM_ATTRS}`;
  const host = options.host ? shellWord(options.host) : '"$(hostname)"';
  return `nix build --impure --expr ${shellWord(expr)} --argstr host ${host} --argstr name ${shellWord(name)}`;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const notIn = (items: readonly string[], of: readonly string[] | undefined) => items.filter((x) => !(of ?? []).includes(x));

/** Dotted option paths that extra Nix text mentions (`boot.kernelParams = …`); a look at the text, not a parse. */
function mentionedPaths(text: string): string[] {
  const found = text.match(/[A-Za-z_][A-Za-z0-9_'-]*(?:\.[A-Za-z_][A-Za-z0-9_'-]*)+/g) ?? [];
  return [...new Set(found)];
}

/**
 * What a specialisation changes relative to its parent (`project.base` when described; else every
 * field it sets counts as a change), each with what applying it takes (`transition.ts`).
 */
export function entryChanges(project: Project, s: Specialisation): EntryChange[] {
  const base: Base | null = s.inheritParentConfig ? project.base : null;
  const out: EntryChange[] = [];
  const add = (what: string, field: FieldKind) => out.push({ what, takes: FIELD_TRANSITION[field] });
  if (!s.inheritParentConfig) add('a separate system (it does not build on the running one)', 'separateSystem');
  if (s.kernel.packages !== null && s.kernel.packages !== base?.kernel.packages) add(`the kernel (${s.kernel.packages})`, 'kernel');
  if (notIn(s.kernel.params, base?.kernel.params).length) add('kernel parameters', 'kernelParams');
  if (notIn(s.kernel.modules, base?.kernel.modules).length || notIn(s.kernel.blacklistedModules, base?.kernel.blacklistedModules).length)
    add('kernel modules loaded or blacklisted at boot', 'kernelModules');
  const g = s.gpu;
  const bg = base?.gpu;
  if (
    g.mode !== 'none' &&
    (!bg ||
      g.mode !== bg.mode ||
      g.driver !== bg.driver ||
      g.openKernelModule !== bg.openKernelModule ||
      !same([g.nvidiaBusId ?? '', g.intelBusId ?? '', g.amdgpuBusId ?? ''], [bg.nvidiaBusId ?? '', bg.intelBusId ?? '', bg.amdgpuBusId ?? '']))
  )
    add('the GPU driver and PRIME setup (loaded with the kernel, in the initrd)', 'gpu');
  if (g.thunderbolt && !bg?.thunderbolt) add('Thunderbolt authorisation (bolt)', 'thunderbolt');
  const d = s.desktop;
  const bd = base?.desktop;
  if ((d.environment !== 'none' && d.environment !== bd?.environment) || (d.displayManager !== 'auto' && d.displayManager !== bd?.displayManager))
    add('the desktop and display manager (the display manager restarts: save your work, your session ends)', 'desktop');
  if (d.autoLogin !== null && d.autoLogin !== bd?.autoLogin) add('autologin (used at the next login)', 'autoLogin');
  if (s.users.length) add('users and their groups (new groups count from the next login)', 'users');
  if (s.packages.length) add('packages', 'packages');
  if (s.tags.length) add('the boot entry label (shown after the next rebuild)', 'tags');
  const rows = new Map<string, Transition>();
  for (const row of s.settings) {
    const path = row.path.join('.');
    if (path) rows.set(path, optionTransition(path));
  }
  for (const [path, takes] of rows) out.push({ what: `${path} (a setting row)`, takes });
  if (s.extraConfig.trim()) {
    const heavy = mentionedPaths(s.extraConfig).filter((p) => optionTransition(p) !== 'switch');
    const takes = heaviest(heavy.map(optionTransition));
    out.push(
      heavy.length
        ? { what: `your extra Nix (it sets ${heavy.slice(0, 3).join(', ')}${heavy.length > 3 ? ', …' : ''})`, takes }
        : { what: 'your extra Nix (unless it changes the kernel, the initrd or the bootloader)', takes: FIELD_TRANSITION.extraNix },
    );
  }
  return out;
}

/** What applying a specialisation takes: which changes need a reboot (nixpkgs #92999) and the commands. */
export function applyGuide(project: Project, s: Specialisation, options: GuideOptions = DEFAULT_GUIDE_OPTIONS): ApplyGuide {
  const release = project.nixosRelease;
  const changes = entryChanges(project, s);
  const needsReboot = changes.filter((c) => c.takes === 'reboot').map((c) => c.what);
  const appliesOnSwitch = changes.filter((c) => c.takes !== 'reboot').map((c) => (c.takes === 'relogin' && !/login|session/.test(c.what) ? `${c.what} (log in again)` : c.what));
  const takes = changes.length ? heaviest(changes.map((c) => c.takes)) : null;

  const name = s.name;
  const specProgram = shellWord(`${PROFILE}/specialisation/${name}/bin/switch-to-configuration`);
  // nh runs the specialisation's switch-to-configuration itself, on every release; nixos-rebuild has --specialisation from 23.05.
  const flag = options.method === 'nh' || at(REBUILD_SPECIALISATION_FLAG, release) === true;
  const grub = (project.base?.bootloader ?? 'systemd-boot') === 'grub';
  const afterBuild = 'Uses the system profile: the newest build made with boot or switch (a test build does not change it).';

  const build: GuideCommand[] = [{ label: 'Build the new boot entries (they appear at the next boot)', command: rebuild(options, 'boot') }];

  const tryIt: GuideCommand[] = [];
  if (flag)
    tryIt.push({
      label: `Build and run ${name} until the next reboot`,
      command: rebuild(options, 'test', name),
      note: 'test activates the entry now and leaves the boot menu and its default as they are: a reboot brings back the default entry.',
    });
  tryIt.push({
    label: `Run ${name} until the next reboot, without rebuilding`,
    command: `sudo ${specProgram} test`,
    note: `${afterBuild} /run/current-system/specialisation/${name} works too, but only while the parent system runs.`,
  });

  const switchTo: GuideCommand[] = [];
  if (flag)
    switchTo.push({
      label: `Build and switch the running system to ${name}`,
      command: rebuild(options, 'switch', name),
      note:
        options.method === 'nh'
          ? 'nh activates the entry with test and installs the boot menu with the parent as its default.'
          : '--specialisation works only with switch and test, and it does not make the entry the default boot entry.',
    });
  switchTo.push({
    label: `Switch to ${name} after a rebuild, without rebuilding`,
    command: `sudo ${specProgram} switch`,
    note: grub
      ? `switch also rewrites the boot menu from ${name}: GRUB's "NixOS - Default" entry then starts ${name} until the parent is switched to again.`
      : `switch also rewrites the boot entries from ${name}; systemd-boot keeps the default it had (loader.conf is written only for a parent system).`,
  });
  if (needsReboot.length) {
    // The bootloader's own one-shot boot (boot-once.ts), where the entry's place or file name is known.
    const once = bootOnce(project, name).filter((step): step is GuideCommand => step.command !== null);
    if (once.length) switchTo.push(...once.map((step, i) => ({ ...step, label: i === 0 ? `Start ${name} once at the next boot` : step.label })));
    else
      switchTo.push({
        label: `Start ${name} once at the next boot`,
        command: 'sudo reboot',
        note: grub ? `Pick "NixOS - ${s.configurationName ?? `(${name} - …)`}" in the GRUB menu.` : `Pick the entry of ${name} in the boot menu.`,
      });
  }
  const remembering = s.rememberAcrossRebuilds ? rememberingRebuild(release, options) : null;
  if (remembering)
    switchTo.push({
      label: 'Rebuild from inside this entry and stay in it',
      command: remembering,
      note: 'Reads /etc/specialisation, which this entry writes; from the parent system it rebuilds the parent.',
    });
  if (s.rememberAcrossRebuilds && options.method === 'nh')
    switchTo.push({
      label: 'Rebuild from inside this entry and stay in it',
      command: rebuild(options, 'switch'),
      note: 'nh reads /etc/specialisation, which this entry writes, and stays in it; -S (--no-specialisation) goes back to the parent.',
    });

  const back: GuideCommand[] = [
    {
      label: 'Back to the parent system without rebooting',
      command: `sudo ${PROFILE}/bin/switch-to-configuration switch`,
      note: 'The newest build of the parent; switch also makes it the default boot entry again.',
    },
    { label: 'Back to the parent until the next reboot', command: `sudo ${PROFILE}/bin/switch-to-configuration test` },
    {
      label: 'Or rebuild and switch to the parent',
      command: options.method === 'nh' ? `${rebuild(options, 'switch')} -S` : rebuild(options, 'switch'),
      note: options.method === 'nh' ? '-S (--no-specialisation) ignores /etc/specialisation.' : undefined,
    },
    ...(needsReboot.length ? [{ label: 'Or reboot and pick the default entry', command: 'sudo reboot' }] : []),
  ];

  const vm: GuideCommand[] = [
    {
      label: `Build a virtual machine of ${name} alone`,
      command: vmBuildCommand(name, options),
      note:
        options.method === 'nh'
          ? 'nh os build-vm and nixos-rebuild build-vm build the parent system only (nixos-rebuild-ng ignores --specialisation there, nixpkgs #555715): this builds the entry itself.'
          : 'nixos-rebuild build-vm builds the parent system only (nixos-rebuild-ng ignores --specialisation there, nixpkgs #555715): this builds the entry itself.',
    },
    {
      label: 'Start it',
      command: './result/bin/run-*-vm',
      note: 'The script is named after the host name. The VM gets your configuration but not your disks: it starts from a fresh disk image in the current folder.',
    },
  ];

  return { name, changes, takes, needsReboot, appliesOnSwitch, build, tryIt, switchTo, commands: [...build, ...tryIt, ...switchTo], back, vm };
}

/** How to add the generated module to a configuration: to `imports`, or to a flake's `modules` list. */
export function moduleSnippet(fileName: string, options: GuideOptions): string {
  if (options.method === 'channels') return `imports = [\n  ./hardware-configuration.nix\n  ./${fileName}\n];`;
  const host = options.host ? attrName(options.host) : 'my-host';
  return [
    `nixosConfigurations.${host} = nixpkgs.lib.nixosSystem {`,
    '  modules = [',
    '    ./configuration.nix',
    `    ./${fileName}`,
    '  ];',
    '};',
  ].join('\n');
}
