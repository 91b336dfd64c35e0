import type { Diagnostic, Project, Setting } from '../../model/types';
import type { Migration } from '../migrate';
import { releaseLabel } from '../releases';
import { attrPath } from '../../nix/strings';
import { checkValueType, type OptionIndex } from './lookup';
import { describeType } from './type-grammar';

/**
 * Setting rows checked against one release's option catalog (docs/option-catalog.md). Most of the
 * catalog's facts are marked unverified, so what it finds is said as a warning, never an error: a
 * renamed or removed option, and a value whose kind the option does not take.
 */

const TYPE_WORDS: Record<Setting['type'], string> = {
  bool: 'a boolean',
  int: 'a whole number',
  string: 'a string',
  path: 'a path',
  strings: 'a list of strings',
  packages: 'a list of packages',
  nix: 'a Nix expression',
};

/** Warnings for rows whose option the release renamed or removed, or whose value is of another kind. */
export function catalogDiagnostics(project: Project, index: OptionIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  const release = releaseLabel(index.catalog.release);
  project.specialisations.forEach((s, i) =>
    s.settings.forEach((row, j) => {
      if (row.path.length === 0) return;
      const at = `specialisations[${i}].settings[${j}]`;
      const warn = (field: string, message: string) => out.push({ path: `${at}.${field}`, severity: 'warning', message });
      const renamed = index.renameOf(row.path);
      if (renamed) {
        warn(
          'path',
          renamed.to
            ? `NixOS ${release} renamed ${attrPath(row.path)} to ${attrPath(renamed.to)}: the old name still works, with a warning at every rebuild`
            : `NixOS ${release} no longer has ${attrPath(row.path)}: a rebuild fails on it`,
        );
        return;
      }
      const option = index.optionAt(row.path);
      if (!option) return;
      // An empty list is a list of anything.
      const emptyList = (row.type === 'strings' || row.type === 'packages') && row.items.length === 0 && /\blistOf\b/.test(option.type);
      if (!emptyList && checkValueType(option.type, row.type, option.enum) === 'mismatch')
        warn('type', `${attrPath(row.path)} takes ${describeType(option.type)} in NixOS ${release}, not ${TYPE_WORDS[row.type]}`);
      else if (option.enum && row.type === 'string' && !option.enum.includes(row.value))
        warn('value', `${attrPath(row.path)} takes one of ${option.enum.map((v) => JSON.stringify(v)).join(', ')} in NixOS ${release}`);
    }),
  );
  return out;
}

/**
 * What a release change does to setting rows: an option the new release renamed gets a fix that
 * moves the row to the new name; a removed one is named. For the release-change notice.
 */
export function settingMigrations(project: Project, index: OptionIndex): Migration[] {
  const out: Migration[] = [];
  const release = releaseLabel(index.catalog.release);
  project.specialisations.forEach((s, i) =>
    s.settings.forEach((row, j) => {
      const renamed = row.path.length ? index.renameOf(row.path) : undefined;
      if (!renamed) return;
      const who = s.name || `specialisation ${i + 1}`;
      const old = attrPath(row.path);
      const to = renamed.to;
      out.push({
        path: `specialisations[${i}].settings[${j}].path`,
        kind: to ? 'renamed' : 'unavailable',
        message: to
          ? `${who}: NixOS ${release} renamed ${old} to ${attrPath(to)}.`
          : `${who}: NixOS ${release} no longer has ${old}; remove the setting or keep an older release.`,
        fix: to
          ? {
              label: `Use ${attrPath(to)} in ${who}`,
              apply: (p) => {
                const spec = p.specialisations[i];
                // Only while the row is still the one the notice was about.
                if (spec?.name !== s.name || spec.settings[j]?.path.join('\u0000') !== row.path.join('\u0000')) return p;
                const settings = spec.settings.map((r, k) => (k === j ? { ...r, path: to } : r));
                return { ...p, specialisations: p.specialisations.map((x, k) => (k === i ? { ...x, settings } : x)) };
              },
            }
          : null,
      });
    }),
  );
  return out;
}
