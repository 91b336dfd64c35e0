import type { Base, Release } from '../../model/types';
import { DESKTOP_RULES, at } from '../../nixos/releases';
import { useDerived } from '../../store/derived';
import { useStudio } from '../../store/studio-store';
import './parent.css';

/** A few words on what the parent runs: "GNOME · systemd-boot". */
export function baseSummary(base: Base | null, release: Release): string {
  if (!base) return 'not described';
  const env = base.desktop.environment;
  const desktop = env === 'none' ? 'no desktop' : (at(DESKTOP_RULES[env], release)?.label ?? env);
  return [desktop, base.bootloader === 'grub' ? 'GRUB' : 'systemd-boot', base.kernel.packages].filter(Boolean).join(' · ');
}

/** The parent system, above the specialisations: selecting it shows its panel in the form column. */
export function ParentEntry() {
  const base = useStudio((s) => s.project.base);
  const release = useStudio((s) => s.project.nixosRelease);
  const editing = useStudio((s) => s.editingParent);
  const selectParent = useStudio((s) => s.selectParent);
  const { diagnostics } = useDerived();
  const own = diagnostics.filter((d) => d.path === 'base' || d.path.startsWith('base.'));
  const errors = own.filter((d) => d.severity === 'error').length;
  const warnings = own.length - errors;
  return (
    <div className={editing ? 'parent-entry selected' : 'parent-entry'}>
      <button type="button" className="spec-select parent-select" aria-current={editing ? 'true' : undefined} onClick={selectParent} data-shows-form>
        <span className="parent-name">Main system</span>
        {errors > 0 && <span className="badge badge-error">{errors} {errors === 1 ? 'error' : 'errors'}</span>}
        {errors === 0 && warnings > 0 && (
          <span className="badge badge-warning">
            {warnings} {warnings === 1 ? 'warning' : 'warnings'}
          </span>
        )}
        <span className="parent-summary">{baseSummary(base, release)}</span>
      </button>
    </div>
  );
}
