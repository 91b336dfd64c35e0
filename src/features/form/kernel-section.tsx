import { useReleaseChoices } from '../../catalog/use-release-choices';
import { splitKernelParams } from '../../model/operations';
import type { Kernel } from '../../model/types';
import { ChipsField } from './chips-field';
import { CatalogNote } from './catalog-note';
import { Field } from './field';
import { PriorityGroup } from './priority-field';
import { useSettings } from './form-context';
import { Section } from './section';
import { SuggestInput } from './suggest-input';
import { useEdit } from './use-edit';

/**
 * The kernel of a specialisation; for the parent system only the package set, the one kernel
 * setting a specialisation has to override (the lists merge).
 */
export function KernelSection() {
  const target = useSettings();
  const { prefix, kernel: k, release, owner } = target;
  const edit = useEdit();
  const choices = useReleaseChoices(release);
  const p = `${prefix}.kernel`;
  const set = <K extends keyof Kernel>(key: K, value: Kernel[K], coalesce = false) =>
    edit(coalesce ? `${p}.${key}` : null, (x) => target.update(x, 'kernel', key, value));
  const parent = owner === 'parent';
  return (
    <Section
      id={`${prefix}-kernel`}
      title="Kernel"
      description={
        parent
          ? (
              <>
                The kernel your main configuration picks with <code>boot.kernelPackages</code>, if it picks one.
              </>
            )
          : 'Kernel changes apply when you boot this entry, not on a switch.'
      }
    >
      <CatalogNote status={choices.status} what="kernels" />
      <Field
        path={`${p}.packages`}
        label="Kernel package set"
        hint={
          parent
            ? "Empty: NixOS's default kernel (linuxPackages). Pick one of this release's or type another pkgs attribute."
            : "Empty keeps the parent's kernel. Pick one of this release's or type another pkgs attribute."
        }
      >
        {(control) => (
          <SuggestInput
            control={control}
            className="mono"
            value={k.packages ?? ''}
            onChange={(t) => set('packages', t.trim() === '' ? null : t.trim(), true)}
            onPick={(v) => set('packages', v)}
            suggestions={choices.kernels.map((value) => ({ value }))}
            limit={20}
            placeholder="linuxPackages_latest"
          />
        )}
      </Field>
      {!parent && (
        <>
      <ChipsField
        path={`${p}.params`}
        label="Kernel parameters"
        item="parameter"
        values={k.params}
        onChange={(v) => set('params', v)}
        split={splitKernelParams}
        mono
        placeholder="quiet mitigations=auto"
      />
      <ChipsField path={`${p}.modules`} label="Kernel modules" item="module" values={k.modules} onChange={(v) => set('modules', v)} mono placeholder="kvm-intel" />
      <ChipsField
        path={`${p}.blacklistedModules`}
        label="Blacklisted kernel modules"
        item="blacklisted module"
        values={k.blacklistedModules}
        onChange={(v) => set('blacklistedModules', v)}
        mono
        placeholder="nouveau"
      />
      {k.packages !== null && <PriorityGroup fields={[{ field: 'kernel.packages', what: 'the kernel package set' }]} />}
        </>
      )}
    </Section>
  );
}
