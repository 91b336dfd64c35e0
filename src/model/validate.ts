import type { Base, Diagnostic, Gpu, Kernel, Project, Specialisation, User } from './types';

export const SPECIALISATION_NAME = /^[A-Za-z0-9_-]+$/;
/** What `system.nixos.label` accepts (nixos/modules/misc/label.nix). */
export const TAG = /^[a-zA-Z0-9:_.-]+$/;
/** A title GRUB reads back as typed inside `menuentry "…"`: no quote, backslash, `$`, backquote or control character. */
export function isGrubTitle(text: string): boolean {
  return text !== '' && ![...text].some((c) => '"\\$`'.includes(c) || c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127);
}
/** An absolute path without spaces, as lanzaboote's `pkiBundle` (an external path) needs. */
export const ABSOLUTE_PATH = /^\/[^\s]*$/;
export const USER_NAME = /^[a-z_][a-z0-9_-]{0,30}$/;
export const BUS_ID = /^PCI:\d{1,3}(@\d{1,5})?:\d{1,2}:\d$/;
/** `boot.kernelParams` items: no blanks except inside double quotes (nixos/modules/system/boot/kernel.nix). */
export const KERNEL_PARAM = /^([^"\s]|"[^"]*")+$/;
export const KERNEL_MODULE = /^[A-Za-z0-9_-]+$/;
export const ATTR_PATH = /^[A-Za-z0-9_][A-Za-z0-9_'+-]*(\.[A-Za-z0-9_][A-Za-z0-9_'+-]*)*$/;
export const GROUP_NAME = /^[a-z_][a-z0-9_-]*\$?$/;
const CRYPT_HASH = /^(\$(1|2[abxy]?|5|6|7|y|gy|sha1|md5)\$\S+|!.*|\*)$/;
const SSH_KEY = /^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-nistp\d+|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)\s+\S+/;

/** Converts what `lspci` prints (`0a:00.0`, hexadecimal) into NixOS's decimal `PCI:10:0:0`; null if it is not that. */
export function lspciToBusId(text: string): string | null {
  const m = /^\s*(?:([0-9a-fA-F]{4}):)?([0-9a-fA-F]{2}):([0-9a-fA-F]{2})\.([0-7])\b/.exec(text);
  if (!m) return null;
  const [, domain, bus, device, fn] = m;
  const d = domain && parseInt(domain, 16) !== 0 ? `@${parseInt(domain, 16)}` : '';
  return `PCI:${parseInt(bus, 16)}${d}:${parseInt(device, 16)}:${parseInt(fn, 16)}`;
}

/** Text Nix strings cannot hold: NUL, and UTF-16 halves that are not characters. */
export function unrepresentable(text: string): string | null {
  if (text.includes('\0')) return 'contains a NUL character, which a Nix string cannot hold';
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text))
    return 'contains a broken Unicode character (an unpaired surrogate)';
  return null;
}

/** Indexes of the items that an earlier item already equals. */
export function duplicates<T>(items: T[]): Set<number> {
  const seen = new Map<T, number>();
  const dup = new Set<number>();
  items.forEach((item, i) => {
    if (seen.has(item)) dup.add(i);
    else seen.set(item, i);
  });
  return dup;
}

/** Checks of the model that hold for every NixOS release. Release rules and Nix syntax: src/nixos/validate.ts. */
export function validateModel(project: Project): Diagnostic[] {
  const dupNames = duplicates(project.specialisations.map((s) => s.name));
  const out = project.specialisations.flatMap((s, i) => validateSpecialisation(s, i, dupNames.has(i)));
  out.push(...validateSharedUids(project));
  if (project.base) out.push(...validateBase(project.base));
  return out;
}

/**
 * The uid the main system's first account gets (NixOS gives normal users uids from 1000, the installer's account
 * first). The project does not describe the main system's users, so this is the uid they are taken to hold.
 */
export const MAIN_ACCOUNT_UID = 1000;

/**
 * Users of different specialisations that share a uid under different names: each boots into files owned by the
 * other. Linear in users (a map from uid to the names that hold it and where); reused while the list is unchanged.
 */
export function validateSharedUids(project: Project): Diagnostic[] {
  const cached = sharedUidsCache.get(project.specialisations);
  if (cached) return cached;
  // What the check reads of each specialisation: its name (in messages), its users' uids and names, in order.
  // Typing elsewhere (a description, another field) leaves them as they were: the diagnostics of last time stand.
  const holds = project.specialisations.map(uidsAndNames);
  const names = project.specialisations.map((s) => s.name);
  const last = lastSharedUids;
  if (last && last.holds.length === holds.length && last.holds.every((h, i) => h === holds[i] && last.names[i] === names[i])) {
    sharedUidsCache.set(project.specialisations, last.out);
    return last.out;
  }
  // Per uid, its distinct (name, specialisation) pairs counted by name and by specialisation, and the first few.
  interface Holders {
    pairs: Set<string>;
    byName: Map<string, number>;
    byEntry: Map<number, number>;
    first: [string, number][];
  }
  const holders = new Map<number, Holders>();
  project.specialisations.forEach((s, si) => {
    for (const u of s.users) {
      if (u.uid === null || u.name === '') continue;
      let h = holders.get(u.uid);
      if (!h) holders.set(u.uid, (h = { pairs: new Set(), byName: new Map(), byEntry: new Map(), first: [] }));
      const pair = `${si} ${u.name}`;
      if (h.pairs.has(pair)) continue;
      h.pairs.add(pair);
      h.byName.set(u.name, (h.byName.get(u.name) ?? 0) + 1);
      h.byEntry.set(si, (h.byEntry.get(si) ?? 0) + 1);
      if (h.first.length < 8) h.first.push([u.name, si]);
    }
  });
  const out: Diagnostic[] = [];
  project.specialisations.forEach((s, si) => {
    s.users.forEach((u, ui) => {
      if (u.uid === null || u.name === '') return;
      const h = holders.get(u.uid);
      if (!h || h.byName.size < 2 || h.byEntry.size < 2) return;
      // Pairs of another name in another specialisation (within one, a shared uid is an error already).
      const others = h.pairs.size - h.byName.get(u.name)! - h.byEntry.get(si)! + 1;
      if (others <= 0) return;
      const [name, other] = h.first.find(([n, i]) => n !== u.name && i !== si) ?? [];
      const who = name === undefined ? "another user's" : `${name}'s, in ${project.specialisations[other!].name || `specialisation ${other! + 1}`}`;
      out.push({
        path: `specialisations[${si}].users[${ui}].uid`,
        severity: 'warning',
        message: `uid ${u.uid} is also ${who}: two people with one uid own each other's files; give each a uid of their own`,
      });
    });
  });
  sharedUidsCache.set(project.specialisations, out);
  lastSharedUids = { holds, names, out };
  return out;
}
const sharedUidsCache = new WeakMap<readonly Specialisation[], Diagnostic[]>();
let lastSharedUids: { holds: string[]; names: string[]; out: Diagnostic[] } | null = null;
const uidsAndNamesCache = new WeakMap<readonly User[], string>();
/** A specialisation's users' uids and names as one string (remembered per users list), the name quoted so no two lists read the same. */
function uidsAndNames(s: Specialisation): string {
  let text = uidsAndNamesCache.get(s.users);
  if (text === undefined) {
    text = s.users.map((u) => `${u.uid ?? ''} ${JSON.stringify(u.name)}`).join('\n');
    uidsAndNamesCache.set(s.users, text);
  }
  return text;
}


/**
 * The release-independent checks of the main system's fields: as strict as a specialisation's,
 * since the generator quotes them (in comments that explain a `lib.mkForce`) and compares them.
 */
export function validateBase(base: Base): Diagnostic[] {
  const out: Diagnostic[] = [];
  const error = (path: string, message: string) => out.push({ path: `base${path}`, severity: 'error', message });
  const warn = (path: string, message: string) => out.push({ path: `base${path}`, severity: 'warning', message });
  const { autoLogin } = base.desktop;
  if (autoLogin !== null && !USER_NAME.test(autoLogin))
    error(
      '.desktop.autoLogin',
      autoLogin === '' ? 'pick the user the main system logs in automatically' : `"${autoLogin}" is not a valid user name`,
    );
  if (base.bootloader === 'lanzaboote' && !ABSOLUTE_PATH.test(base.pkiBundle))
    error('.pkiBundle', 'the folder of the Secure Boot keys is an absolute path, such as /var/lib/sbctl');
  checkGpu(base.gpu, error, warn);
  checkKernel(base.kernel, error);
  return out;
}

/** The release-independent checks of one specialisation; `duplicateName` when an earlier one has its name. */
export function validateSpecialisation(s: Specialisation, i: number, duplicateName: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const p = `specialisations[${i}]`;
  const error = (path: string, message: string) => out.push({ path: `${p}${path}`, severity: 'error', message });
  const warn = (path: string, message: string) => out.push({ path: `${p}${path}`, severity: 'warning', message });
  if (s.name === '') error('.name', 'a specialisation needs a name');
  else if (!SPECIALISATION_NAME.test(s.name))
    error('.name', `"${s.name}" is not a safe specialisation name: use letters, digits, "-" and "_" only`);
  else if (duplicateName) error('.name', `another specialisation is already called "${s.name}"`);
  if (!s.inheritParentConfig) {
    // A separate system starts from nothing: what it does not take from the parent, extra Nix must give.
    if (!s.fromParent.hardwareConfiguration)
      warn(
        '.fromParent.hardwareConfiguration',
        'this separate system does not import ./hardware-configuration.nix: set its file systems (fileSystems."/") in its extra Nix, or it will not build',
      );
    if (!s.fromParent.bootloader)
      warn(
        '.fromParent.bootloader',
        'this separate system gets no bootloader settings: set boot.loader in its extra Nix, or it will not build',
      );
  }
  s.tags.forEach((tag, j) => {
    if (!TAG.test(tag)) error(`.tags[${j}]`, `tag "${tag}" can only contain letters, digits and : _ . - (system.nixos.label)`);
  });
  if (s.configurationName !== null && !isGrubTitle(s.configurationName))
    error(
      '.configurationName',
      s.configurationName === ''
        ? "type GRUB's title for this entry, or clear it for NixOS's own"
        : 'GRUB reads the title inside double quotes: leave out " \\ $ ` and line breaks',
    );
  checkUsers(s, error, warn);
  checkDesktop(s, error);
  checkGpu(s.gpu, error, warn);
  checkKernel(s.kernel, error);
  s.packages.forEach((pkg, j) => {
    if (!ATTR_PATH.test(pkg))
      error(`.packages[${j}]`, `"${pkg}" is not an attribute path of pkgs (like firefox or python3Packages.numpy)`);
  });
  duplicates(s.packages).forEach((j) => warn(`.packages[${j}]`, `"${s.packages[j]}" is listed twice`));
  const bad = unrepresentable(s.extraConfig);
  if (bad) error('.extraConfig', bad);
  return out;
}

type Report = (path: string, message: string) => void;

function checkUsers(s: Specialisation, error: Report, warn: Report) {
  const dupUserNames = duplicates(s.users.map((u) => u.name));
  const uids = s.users.map((u, j) => (u.uid === null ? `none${j}` : String(u.uid)));
  const dupUids = duplicates(uids);
  s.users.forEach((u: User, j) => {
    const at = `.users[${j}]`;
    if (u.name === '') error(`${at}.name`, 'a user needs a name');
    else if (!USER_NAME.test(u.name))
      error(
        `${at}.name`,
        `"${u.name}" is not a valid user name: start with a lowercase letter or "_", then lowercase letters, digits, "-" or "_", at most 31 characters`,
      );
    else if (dupUserNames.has(j)) error(`${at}.name`, `user "${u.name}" is listed twice in this specialisation`);
    if (u.uid !== null) {
      if (dupUids.has(j)) error(`${at}.uid`, `uid ${u.uid} is already used by another user of this specialisation`);
      else if (u.uid === 0) error(`${at}.uid`, 'uid 0 belongs to root');
      else if (u.uid === 65534) error(`${at}.uid`, 'uid 65534 belongs to nobody');
      else if (u.isNormalUser && u.uid < 1000)
        error(`${at}.uid`, `a normal user needs a uid of 1000 or more (NixOS refuses ${u.uid}); 1000–29999 is the range for people`);
      else if (u.uid === MAIN_ACCOUNT_UID)
        warn(
          `${at}.uid`,
          `uid ${MAIN_ACCOUNT_UID} is normally your main system's own account (its first user): unless "${u.name || 'this user'}" is that account, it would own that account's files; use ${MAIN_ACCOUNT_UID + 1} or above`,
        );
      else if (u.uid >= 30000 && u.uid <= 31000) warn(`${at}.uid`, `uid ${u.uid} is in the range of Nix build users (30000–31000)`);
      else if (u.uid >= 61184 && u.uid <= 65519)
        warn(`${at}.uid`, `uid ${u.uid} is in systemd's range for dynamic users (61184–65519)`);
    }
    u.extraGroups.forEach((g, k) => {
      if (!GROUP_NAME.test(g)) error(`${at}.extraGroups[${k}]`, `"${g}" is not a valid group name`);
    });
    if (u.shell !== null && !/^[A-Za-z_][A-Za-z0-9_-]*$/.test(u.shell))
      error(`${at}.shell`, `"${u.shell}" is not a package name (like bash, zsh or fish)`);
    if (u.hashedPassword !== null) {
      const bad = unrepresentable(u.hashedPassword);
      if (bad) error(`${at}.hashedPassword`, bad);
      else if (!CRYPT_HASH.test(u.hashedPassword))
        warn(
          `${at}.hashedPassword`,
          'this looks like a plain-text password, not a hash: it would not work and would be world-readable in the Nix store; make a hash with mkpasswd -m sha-512',
        );
    }
    if (u.description !== null) {
      const bad = unrepresentable(u.description);
      if (bad) error(`${at}.description`, bad);
    }
    u.authorizedKeys.forEach((key, k) => {
      const bad = unrepresentable(key);
      if (bad) error(`${at}.authorizedKeys[${k}]`, bad);
      else if (/[\r\n]/.test(key)) error(`${at}.authorizedKeys[${k}]`, 'one key per entry: a key cannot contain a line break');
      else if (!SSH_KEY.test(key.trim()))
        warn(`${at}.authorizedKeys[${k}]`, 'this does not look like an SSH public key (ssh-ed25519 AAAA… comment)');
    });
  });
}

function checkDesktop(s: Specialisation, error: Report) {
  const { autoLogin } = s.desktop;
  if (autoLogin !== null && !s.users.some((u) => u.name === autoLogin))
    error(
      '.desktop.autoLogin',
      autoLogin === ''
        ? 'pick the user to log in automatically'
        : `autologin user "${autoLogin}" is not one of this specialisation's users`,
    );
}

function checkGpu(g: Gpu, error: Report, warn: Report) {
  const prime = g.mode === 'nvidia-offload' || g.mode === 'nvidia-sync' || g.mode === 'nvidia-reverse-sync';
  for (const field of ['nvidiaBusId', 'intelBusId', 'amdgpuBusId'] as const) {
    const value = g[field];
    if (value === null || !prime) continue;
    if (!BUS_ID.test(value)) {
      const converted = lspciToBusId(value);
      error(
        `.gpu.${field}`,
        converted
          ? `"${value}" is what lspci prints (hexadecimal); NixOS wants "${converted}"`
          : `"${value}" is not a bus id: write PCI:<bus>:<device>:<function> in decimal, e.g. PCI:1:0:0`,
      );
    }
  }
  if (prime) {
    if (g.nvidiaBusId === null) error('.gpu.nvidiaBusId', 'PRIME needs the NVIDIA GPU\'s bus id');
    if (g.intelBusId === null && g.amdgpuBusId === null)
      error('.gpu.intelBusId', 'PRIME needs the bus id of the integrated GPU (Intel or AMD)');
    if (g.intelBusId !== null && g.amdgpuBusId !== null)
      error('.gpu.amdgpuBusId', 'set either the Intel or the AMD bus id, not both');
  }
  if (g.mode === 'none' && g.externalGpu) warn('.gpu.externalGpu', 'an external GPU needs a GPU mode');
}

function checkKernel(k: Kernel, error: Report) {
  if (k.packages !== null && !/^[A-Za-z_][A-Za-z0-9_'-]*$/.test(k.packages))
    error('.kernel.packages', `"${k.packages}" is not a kernel package set of pkgs (like linuxPackages_latest)`);
  k.params.forEach((param, j) => {
    const bad = unrepresentable(param);
    if (bad) error(`.kernel.params[${j}]`, bad);
    else if (!KERNEL_PARAM.test(param))
      error(
        `.kernel.params[${j}]`,
        param.trim() === ''
          ? 'a kernel parameter cannot be empty'
          : (param.match(/"/g)?.length ?? 0) % 2
            ? `"${param}" has an unclosed double quote`
            : `"${param}" has a space: one parameter per entry (spaces only inside double quotes)`,
      );
  });
  for (const field of ['modules', 'blacklistedModules'] as const)
    k[field].forEach((m, j) => {
      if (!KERNEL_MODULE.test(m)) error(`.kernel.${field}[${j}]`, `"${m}" is not a kernel module name`);
    });
}
