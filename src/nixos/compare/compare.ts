import type { Project, Release } from '../../model/types';
import { attrPath } from '../../nix/strings';
import { AUTOLOGIN_PREFIX, DESKTOP_RULES, DISPLAY_MANAGER_RULES, GRAPHICS, at } from '../releases';
import { FIELD_TRANSITION, heaviest, optionTransition, type Transition } from '../transition';
import { mergeEntry, parentDefinitions, specialisationDefinitions, type EntryDefinitions, type Merged } from './definitions';

/**
 * What differs between boot entries: the effective value each entry ends up with, thing by thing
 * (desktop, users, kernel …), and how it got it. See docs/compare.md.
 */

/** The parent entry's index among the entries (specialisations count from 0). */
export const PARENT = -1;

/**
 * How an entry got its value: `parent` the parent's own, `unknown` the parent's but not described,
 * `inherited` taken from the parent, `set` its own where the parent has none, `replaced` its own
 * instead of the parent's, `forced` its own through lib.mkForce (the parent's would otherwise
 * conflict or run too), `added` a list the parent's items and its own together, `not-taken` a
 * separate system without the parent's, `not-compared` extra Nix, `none` nothing.
 */
export type How = 'parent' | 'unknown' | 'inherited' | 'set' | 'replaced' | 'forced' | 'added' | 'not-taken' | 'not-compared' | 'none';

export interface Cell {
  text: string;
  /** A list's items, shown one by one. */
  items?: string[];
  how: How;
  /** Why, in a few words: what a lib.mkForce replaces, what a separate system does not take. */
  note?: string;
  /** Equal keys: equal values. */
  key: string;
}

export type Group = 'Boot entry' | 'Desktop' | 'Users' | 'Kernel and boot' | 'GPU' | 'Packages' | 'Other settings' | 'Extra Nix';
export const GROUPS: readonly Group[] = ['Boot entry', 'Desktop', 'Users', 'Kernel and boot', 'GPU', 'Packages', 'Other settings', 'Extra Nix'];

export interface Row {
  id: string;
  group: Group;
  label: string;
  /** What a change of it takes when moving between entries. */
  transition: Transition;
  /** One per compared entry, in the order asked. */
  cells: Cell[];
  /** Whether any two compared entries end up with different values. */
  differs: boolean;
}

export interface ComparedEntry {
  index: number;
  name: string;
  separate: boolean;
  /** The entry exists only when this Nix condition holds (lib.mkIf); null for always. */
  condition: string | null;
}

export interface Comparison {
  entries: ComparedEntry[];
  rows: Row[];
}

interface EntryState {
  index: number;
  inherit: boolean;
  /** Written as Nix (lib.genAttrs …): what it defines is not read here. */
  opaque: boolean;
  own: EntryDefinitions | null;
  merged: Map<string, Merged>;
}

interface Ctx {
  release: Release;
  described: boolean;
  parent: EntryState;
}

/** What a concept reads from an entry's merged options. */
interface Concept {
  id: string;
  group: Group;
  label: string;
  transition: Transition;
  /** Whether the parent's value comes from the main system's description (else the parent's column shows nothing known). */
  described: boolean;
  list?: boolean;
  /** What an entry without a value shows (read gives null). */
  empty?: string;
  claims: (path: readonly string[], key: string) => boolean;
  read: (m: Map<string, Merged>) => { text: string; items?: string[] } | null;
}

const valueText = (m: Merged | undefined): string | null => (m?.value ? m.value.text : null);
const isTrue = (m: Merged | undefined) => m?.value?.text === 'true';
const starts = (path: readonly string[], prefix: readonly string[]) => prefix.every((p, i) => path[i] === p);

function concepts(release: Release): Concept[] {
  const desktops = Object.values(DESKTOP_RULES)
    .map((steps) => at(steps, release))
    .filter((r) => r !== null);
  const dms = Object.values(DISPLAY_MANAGER_RULES)
    .map((steps) => at(steps, release))
    .filter((r) => r !== null);
  const desktopKeys = new Set(['services.xserver.enable', ...desktops.map((d) => d.enable)]);
  const dmKeys = new Set(dms.flatMap((d) => [`${d.path}.enable`, ...(d.wayland ? [d.wayland] : [])]));
  const prefix = at(AUTOLOGIN_PREFIX, release)!;
  const autoKeys = new Set([`${prefix}.autoLogin.enable`, `${prefix}.autoLogin.user`, `${prefix}.defaultSession`]);
  const gpuKeys = new Set([
    'services.xserver.videoDrivers',
    at(GRAPHICS, release)!.enable,
    'hardware.nvidia.modesetting.enable',
    'hardware.nvidia.prime.offload.enable',
    'hardware.nvidia.prime.sync.enable',
    'hardware.nvidia.prime.reverseSync.enable',
  ]);
  const enabled = (m: Map<string, Merged>, rules: { key: string; label: string }[]) => {
    const on = rules.filter((r) => isTrue(m.get(r.key))).map((r) => r.label);
    return on.length ? { text: on.join(' + ') } : null;
  };
  const list = (key: string) => (m: Map<string, Merged>) => {
    const items = m.get(key)?.value?.items;
    return items?.length ? { text: '', items } : null;
  };
  const one = (key: string): Concept['claims'] => (_p, k) => k === key;
  return [
    {
      id: 'tags',
      group: 'Boot entry',
      label: 'Label tags',
      transition: FIELD_TRANSITION.tags,
      described: false,
      list: true,
      claims: one('system.nixos.tags'),
      read: list('system.nixos.tags'),
    },
    {
      // The hardware configuration a configuration.nix imports, and the entry's own imports (a list: added to the parent's).
      id: 'imports',
      group: 'Boot entry',
      label: 'Imports',
      transition: FIELD_TRANSITION.extraNix,
      described: true,
      list: true,
      claims: one('imports'),
      read: list('imports'),
    },
    {
      id: 'bootloader',
      group: 'Boot entry',
      label: 'Bootloader',
      transition: FIELD_TRANSITION.bootloader,
      described: true,
      claims: (p) => starts(p, ['boot', 'loader']),
      read: (m) => {
        if (isTrue(m.get('boot.loader.systemd-boot.enable'))) return { text: 'systemd-boot' };
        if (isTrue(m.get('boot.loader.grub.enable'))) return { text: `GRUB on ${valueText(m.get('boot.loader.grub.device')) ?? 'nodev'}` };
        return null;
      },
    },
    {
      id: 'desktop',
      group: 'Desktop',
      label: 'Desktop',
      transition: FIELD_TRANSITION.desktop,
      described: true,
      empty: 'none',
      claims: (_p, k) => desktopKeys.has(k),
      read: (m) => enabled(m, desktops.map((d) => ({ key: d.enable, label: d.label }))),
    },
    {
      id: 'display-manager',
      group: 'Desktop',
      label: 'Display manager',
      transition: FIELD_TRANSITION.displayManager,
      described: true,
      empty: 'none',
      claims: (_p, k) => dmKeys.has(k),
      read: (m) => enabled(m, dms.map((d) => ({ key: `${d.path}.enable`, label: d.label }))),
    },
    {
      id: 'autologin',
      group: 'Desktop',
      label: 'Autologin',
      transition: FIELD_TRANSITION.autoLogin,
      described: true,
      empty: 'off',
      claims: (_p, k) => autoKeys.has(k),
      read: (m) => {
        const session = valueText(m.get(`${prefix}.defaultSession`));
        const user = isTrue(m.get(`${prefix}.autoLogin.enable`)) ? valueText(m.get(`${prefix}.autoLogin.user`)) : null;
        if (!user && !session) return null;
        return { text: [user ?? 'off', session ? `session ${session}` : ''].filter(Boolean).join(', ') };
      },
    },
    {
      id: 'kernel',
      group: 'Kernel and boot',
      label: 'Kernel',
      transition: FIELD_TRANSITION.kernel,
      described: true,
      empty: 'linuxPackages (the default)',
      claims: one('boot.kernelPackages'),
      read: (m) => {
        const kernel = valueText(m.get('boot.kernelPackages'));
        return kernel ? { text: kernel } : null;
      },
    },
    {
      id: 'kernel-params',
      group: 'Kernel and boot',
      label: 'Kernel parameters',
      transition: FIELD_TRANSITION.kernelParams,
      described: true,
      list: true,
      claims: one('boot.kernelParams'),
      read: list('boot.kernelParams'),
    },
    {
      id: 'kernel-modules',
      group: 'Kernel and boot',
      label: 'Kernel modules',
      transition: FIELD_TRANSITION.kernelModules,
      described: true,
      list: true,
      claims: one('boot.kernelModules'),
      read: list('boot.kernelModules'),
    },
    {
      id: 'blacklisted-modules',
      group: 'Kernel and boot',
      label: 'Blacklisted modules',
      transition: FIELD_TRANSITION.kernelModules,
      described: true,
      list: true,
      claims: one('boot.blacklistedKernelModules'),
      read: list('boot.blacklistedKernelModules'),
    },
    {
      id: 'gpu',
      group: 'GPU',
      label: 'GPU mode',
      transition: FIELD_TRANSITION.gpu,
      described: true,
      empty: 'none',
      claims: (_p, k) => gpuKeys.has(k),
      read: (m) => {
        const drivers = [...new Set(m.get('services.xserver.videoDrivers')?.value?.items ?? [])];
        const prime = isTrue(m.get('hardware.nvidia.prime.offload.enable'))
          ? 'PRIME offload'
          : isTrue(m.get('hardware.nvidia.prime.sync.enable'))
            ? 'PRIME sync'
            : isTrue(m.get('hardware.nvidia.prime.reverseSync.enable'))
              ? 'PRIME reverse sync'
              : null;
        const names = drivers.map((d) => (d === 'nvidia' ? (prime ? `NVIDIA, ${prime}` : 'NVIDIA') : d === 'amdgpu' ? 'AMD' : d));
        return names.length ? { text: names.join(' + ') } : null;
      },
    },
    {
      id: 'gpu-driver',
      group: 'GPU',
      label: 'NVIDIA driver',
      transition: FIELD_TRANSITION.gpu,
      described: true,
      claims: one('hardware.nvidia.package'),
      read: (m) => {
        const pkg = valueText(m.get('hardware.nvidia.package'));
        if (pkg) return { text: pkg.replace(/^config\.boot\.kernelPackages\.nvidiaPackages\./, '') };
        return m.get('services.xserver.videoDrivers')?.value?.items?.includes('nvidia') ? { text: 'stable (the default)' } : null;
      },
    },
    {
      id: 'gpu-open',
      group: 'GPU',
      label: 'NVIDIA open kernel module',
      transition: FIELD_TRANSITION.gpu,
      described: true,
      claims: one('hardware.nvidia.open'),
      read: (m) => {
        const open = valueText(m.get('hardware.nvidia.open'));
        return open ? { text: open === 'true' ? 'yes' : open === 'false' ? 'no' : open } : null;
      },
    },
    {
      id: 'packages',
      group: 'Packages',
      label: 'Packages added',
      transition: FIELD_TRANSITION.packages,
      described: false,
      list: true,
      claims: one('environment.systemPackages'),
      read: list('environment.systemPackages'),
    },
  ];
}

/** A user's definition as a few words per field. */
function userItems(m: Map<string, Merged>, name: string, touched: readonly Merged[]): string[] | null {
  const at = (...rest: string[]) => m.get(attrPath(['users', 'users', name, ...rest]));
  const items: string[] = [];
  if (isTrue(at('isNormalUser'))) items.push('normal user');
  if (isTrue(at('isSystemUser'))) items.push('system user');
  const uid = valueText(at('uid'));
  if (uid) items.push(`uid ${uid}`);
  const description = valueText(at('description'));
  if (description) items.push(`“${description}”`);
  const groups = at('extraGroups')?.value?.items;
  if (groups?.length) items.push(`groups: ${groups.join(', ')}`);
  const shell = valueText(at('shell'));
  if (shell) items.push(`shell: ${shell.replace(/^pkgs\./, '')}`);
  if (at('hashedPassword')?.value) items.push('password set');
  const keys = at('openssh', 'authorizedKeys', 'keys')?.value?.items;
  if (keys?.length) items.push(`${keys.length} SSH key${keys.length === 1 ? '' : 's'}`);
  for (const merged of touched)
    if (merged.path[1] === 'users' && merged.path.length > 3 && !KNOWN_USER_FIELDS.has(merged.path.slice(3).join('.')))
      items.push(`${attrPath(merged.path.slice(3))} = ${merged.value?.items ? merged.value.items.join(' ') : (valueText(merged) ?? '')}`);
  return items.length ? items : null;
}
const KNOWN_USER_FIELDS = new Set(['isNormalUser', 'isSystemUser', 'group', 'uid', 'description', 'extraGroups', 'shell', 'hashedPassword', 'openssh.authorizedKeys.keys']);

function genericGroup(path: readonly string[]): Group {
  if (path[0] === 'boot') return 'Kernel and boot';
  if (path[0] === 'hardware' || (path[0] === 'services' && path[1] === 'hardware')) return 'GPU';
  if (path[0] === 'users') return 'Users';
  return 'Other settings';
}

const keyOf = (v: { text: string; items?: string[] } | null) => (v === null ? '' : v.items ? `[${v.items.join('\u0000')}]` : v.text);

/**
 * The cell of one entry for a concept or an option: its value, and how it got it.
 * `own` is whether the entry's own definitions touch it; `parentValue` the parent's value.
 */
function cell(
  ctx: Ctx,
  e: EntryState,
  value: { text: string; items?: string[] } | null,
  parentValue: { text: string; items?: string[] } | null,
  touched: Merged[],
  own: boolean,
  described: boolean,
  list: boolean,
  empty: string,
): Cell {
  const show = (how: How, note?: string): Cell => ({
    text: value?.text || (value?.items ? '' : empty),
    ...(value?.items ? { items: value.items } : {}),
    how,
    ...(note ? { note } : {}),
    key: keyOf(value),
  });
  const unknownParent = described && !ctx.described;
  const condition = touched.find((m) => m.condition !== null)?.condition;
  const conflict = touched.find((m) => m.conflict !== null)?.conflict;
  const extra = [condition ? `only when ${condition}` : '', conflict ?? ''].filter(Boolean).join('; ');
  if (e.index === PARENT) {
    if (unknownParent) return { text: 'not described', how: 'unknown', key: '?' };
    return show(value ? 'parent' : 'none', extra || undefined);
  }
  if (!e.inherit) {
    if (own) return show('set', extra || undefined);
    if (unknownParent) return show('not-taken', 'whatever the parent has is not taken: a separate system');
    if (parentValue && keyOf(parentValue) !== keyOf(value))
      return show('not-taken', `a separate system: the parent's ${parentValue.items ? parentValue.items.join(', ') : parentValue.text} is not taken`);
    return show('none');
  }
  if (!own) {
    if (unknownParent) return { text: 'as the parent', how: 'inherited', key: '?' };
    return show(parentValue ? 'inherited' : 'none');
  }
  const join = (...notes: string[]) => notes.filter(Boolean).join('; ') || undefined;
  if (touched.some((m) => m.ownLoses) && !touched.some((m) => m.own))
    return show('inherited', join("its own value (lib.mkDefault) gives way to the parent's", extra));
  if (touched.some((m) => m.forced)) return show('forced', join("lib.mkForce: the parent's value does not apply", extra));
  if (list) return show('added', join(unknownParent || !described ? "added to the parent's, if it has any" : "added to the parent's", extra));
  if (!unknownParent && keyOf(parentValue) === keyOf(value)) return show('inherited', join('also set here, to the same value', extra));
  if (unknownParent || !parentValue) return show('set', extra || undefined);
  return show('replaced', extra || undefined);
}

function entryState(project: Project, index: number, release: Release, parent: EntryDefinitions | null): EntryState {
  if (index === PARENT) return { index, inherit: true, opaque: false, own: null, merged: mergeEntry(parent, null, true) };
  const s = project.specialisations[index];
  if (s.nixEntry !== null) {
    const own = nixEntryDefinitions(s.nixEntry);
    return { index, inherit: true, opaque: true, own, merged: mergeEntry(parent, own, true) };
  }
  const own = specialisationDefinitions(project, index, release);
  return { index, inherit: s.inheritParentConfig, opaque: false, own, merged: mergeEntry(parent, own, s.inheritParentConfig) };
}

const nixEntries = new Map<string, EntryDefinitions>();
/** A Nix entry's definitions: its text alone, shown as Nix not compared. Kept per text (the merge is kept per object). */
function nixEntryDefinitions(text: string): EntryDefinitions {
  let defs = nixEntries.get(text);
  if (!defs) {
    if (nixEntries.size > 1000) nixEntries.clear();
    nixEntries.set(text, (defs = { options: new Map(), extraNix: [text] }));
  }
  return defs;
}

/** Which row an option belongs to: a concept's, a user's or its own; kept per release and option. */
function rowClassifier(release: Release, all: Concept[]): (path: readonly string[], key: string) => string {
  let known = rowIds.get(release);
  if (!known) rowIds.set(release, (known = new Map()));
  const cache = known;
  return (path, key) => {
    let id = cache.get(key);
    if (id === undefined) {
      const c = all.find((x) => x.claims(path, key));
      id = c ? c.id : path[0] === 'users' && (path[1] === 'users' || path[1] === 'groups') && path.length >= 3 ? `user:${path[2]}` : `option:${key}`;
      if (cache.size > 50_000) cache.clear();
      cache.set(key, id);
    }
    return id;
  };
}
const rowIds = new Map<Release, Map<string, string>>();

interface RowIndex {
  /** Row id → the entry's merged options in it. */
  touched: Map<string, Merged[]>;
  /** Rows the entry's own definitions touch. */
  own: Set<string>;
  /** Row ids in the order met. */
  order: string[];
}
const rowIndexes = new WeakMap<Map<string, Merged>, RowIndex>();

function groupByRow(e: EntryState, rowOf: (path: readonly string[], key: string) => string): RowIndex {
  const kept = rowIndexes.get(e.merged);
  if (kept) return kept;
  const touched = new Map<string, Merged[]>();
  const order: string[] = [];
  for (const [key, m] of e.merged) {
    const id = rowOf(m.path, key);
    const list = touched.get(id);
    if (list) list.push(m);
    else {
      touched.set(id, [m]);
      order.push(id);
    }
  }
  const own = new Set<string>();
  if (e.own) for (const [key, o] of e.own.options) own.add(rowOf(o.path, key));
  const index = { touched, own, order };
  rowIndexes.set(e.merged, index);
  return index;
}

/** Compares the given entries (PARENT or a specialisation's index), one row per thing, differing or not. */
export function compareEntries(project: Project, indexes: readonly number[], release: Release = project.nixosRelease): Comparison {
  const parentDefs = parentDefinitions(project, release);
  const parent = entryState(project, PARENT, release, parentDefs);
  const states = indexes.map((i) => (i === PARENT ? parent : entryState(project, i, release, parentDefs)));
  const ctx: Ctx = { release, described: project.base !== null, parent };
  const rows: Row[] = [];
  const all = concepts(release);
  const rowOf = rowClassifier(release, all);
  const grouped = (e: EntryState) => groupByRow(e, rowOf);
  const parentRows = grouped(parent);
  const touched = (e: EntryState, id: string) => grouped(e).touched.get(id) ?? [];
  const owns = (e: EntryState, id: string) => grouped(e).own.has(id);

  // Entry kind first: a separate system takes nothing from the parent.
  if (states.some((e) => !e.inherit))
    rows.push({
      id: 'separate',
      group: 'Boot entry',
      label: 'Builds on the parent',
      transition: FIELD_TRANSITION.separateSystem,
      cells: states.map((e) =>
        e.index === PARENT
          ? { text: 'it is the parent', how: 'parent', key: 'yes' }
          : e.inherit
            ? { text: 'yes', how: 'inherited', key: 'yes' }
            : { text: 'no: a separate system', how: 'set', note: 'inheritParentConfig = false: it starts from an empty configuration', key: 'no' },
      ),
      differs: false,
    });

  for (const c of all) {
    const parentValue = c.read(parent.merged);
    const cells = states.map((e) => cell(ctx, e, c.read(e.merged), parentValue, touched(e, c.id), owns(e, c.id), c.described, c.list ?? false, c.empty ?? '—'));
    rows.push({ id: c.id, group: c.group, label: c.label, transition: c.transition, cells, differs: false });
  }

  // Users, by name, then every other option by path, in the order first met.
  const more: string[] = [];
  const seen = new Set<string>(all.map((c) => c.id));
  for (const e of [parent, ...states]) for (const id of grouped(e).order)
      if (!seen.has(id)) {
        seen.add(id);
        more.push(id);
      }
  const userIds = more.filter((id) => id.startsWith('user:'));
  for (const id of userIds) {
    const name = id.slice('user:'.length);
    const read = (e: EntryState) => {
      const items = userItems(e.merged, name, touched(e, id));
      return items ? { text: '', items } : null;
    };
    const parentValue = read(parent);
    const cells = states.map((e) => {
      const c = cell(ctx, e, read(e), parentValue, touched(e, id), owns(e, id), false, false, '—');
      // A user the entry defines joins what the parent gives that user: its groups are added to the parent's.
      if (e.index !== PARENT && e.inherit && c.how === 'set' && !parentValue) c.note = 'defined here; lists such as groups join the parent’s definition of this user, if any';
      return c;
    });
    rows.push({ id, group: 'Users', label: `User ${name}`, transition: FIELD_TRANSITION.users, cells, differs: false });
  }
  for (const id of more.filter((x) => x.startsWith('option:'))) {
    const key = id.slice('option:'.length);
    const read = (e: EntryState) => {
      const v = e.merged.get(key)?.value;
      return v ? { text: v.text, ...(v.items ? { items: v.items } : {}) } : null;
    };
    const parentValue = parentRows.touched.has(id) ? read(parent) : null;
    const path = ([parent, ...states].map((e) => e.merged.get(key)).find(Boolean) as Merged).path;
    const cells = states.map((e) => {
      const t = touched(e, id);
      return cell(ctx, e, read(e), parentValue, t, owns(e, id), false, t.some((m) => m.value?.items), '—');
    });
    rows.push({ id, group: genericGroup(path), label: key, transition: optionTransition(path.join('.')), cells, differs: false });
  }

  // Extra Nix is not read: shown as such, compared as text.
  if (states.some((e) => e.own?.extraNix.length))
    rows.push({
      id: 'extra-nix',
      group: 'Extra Nix',
      label: 'Extra Nix',
      transition: FIELD_TRANSITION.extraNix,
      cells: states.map((e) => {
        const text = e.own?.extraNix.join('\n') ?? '';
        if (!text) return { text: '—', how: 'none', key: '' };
        const lines = text.trim().split('\n').length;
        return {
          text: `${lines} line${lines === 1 ? '' : 's'} of extra Nix, not compared`,
          how: 'not-compared',
          note: 'a switch, unless it changes the kernel, the initrd or the bootloader',
          key: text,
        };
      }),
      differs: false,
    });

  // An entry written as Nix is not read: its cells say so and count as no difference, its text is the Extra Nix row.
  const reference = states.findIndex((e) => !e.opaque);
  for (const row of rows)
    states.forEach((e, i) => {
      if (e.opaque && row.id !== 'extra-nix')
        row.cells[i] = { text: 'written as Nix, not compared', how: 'not-compared', key: reference < 0 ? '' : row.cells[reference].key };
    });
  for (const row of rows) row.differs = row.cells.some((c) => c.key !== row.cells[0].key);
  rows.sort((a, b) => GROUPS.indexOf(a.group) - GROUPS.indexOf(b.group));
  const entries = states.map((e) => ({
    index: e.index,
    name: e.index === PARENT ? 'parent' : project.specialisations[e.index].name,
    separate: !e.inherit,
    condition: e.index === PARENT ? null : project.specialisations[e.index].condition,
  }));
  return { entries, rows };
}

export interface Move {
  /** What moving between the two entries takes: the heaviest of what differs. */
  transition: Transition;
  /** The rows that differ, by what each takes. */
  because: Record<Transition, string[]>;
}

/** What moving between entry `a` and entry `b` (columns of a comparison) takes. */
export function moveBetween(comparison: Comparison, a: number, b: number): Move {
  const because: Record<Transition, string[]> = { switch: [], relogin: [], reboot: [] };
  for (const row of comparison.rows) if (row.cells[a].key !== row.cells[b].key) because[row.transition].push(row.label);
  const transition = heaviest((['switch', 'relogin', 'reboot'] as const).filter((t) => because[t].length));
  return { transition, because };
}
