import { useMemo, type ReactNode } from 'react';
import { defaultBase } from '../../model/defaults';
import type { Base, Bootloader, Release } from '../../model/types';
import { studioStore, undo, useStudio } from '../../store/studio-store';
import { DesktopSection } from '../form/desktop-section';
import { Field } from '../form/field';
import { SettingsContext, type SettingsTarget } from '../form/form-context';
import { GpuSection } from '../form/gpu-section';
import { KernelSection } from '../form/kernel-section';
import { Section } from '../form/section';
import { useEdit } from '../form/use-edit';
import { describeBase, setBaseField, setBaseSection } from './base-edits';
import './parent.css';

export const PARENT_FORM_LABEL = 'Settings of the main system';

/** The parent system's settings as the target of the shared desktop, kernel and GPU sections. */
export function baseTarget(base: Base, release: Release): SettingsTarget {
  return {
    prefix: 'base',
    owner: 'parent',
    desktop: base.desktop,
    gpu: base.gpu,
    kernel: base.kernel,
    bootloader: base.bootloader,
    userNames: null,
    release,
    update: setBaseSection,
  };
}

const isUntouched = (base: Base) => JSON.stringify(base) === JSON.stringify(defaultBase());

/** Turns the description of the main system on or off; turning it off says so, with an Undo. */
export function setDescribed(on: boolean) {
  const state = studioStore.getState();
  const before = state.project;
  state.setProject((p) => describeBase(p, on));
  const after = studioStore.getState().project;
  if (on || !before.base || after === before || isUntouched(before.base)) return;
  state.notify({
    kind: 'info',
    message: 'The main system is no longer described: the module no longer turns off what it sets.',
    actions: [
      {
        label: 'Undo: describe the main system again',
        run: () => {
          const now = studioStore.getState();
          // Right after, undo is exact; after other edits, put the description back without losing them.
          if (now.project === after) undo();
          else now.setProject((p) => ({ ...p, base: before.base }));
        },
      },
    ],
  });
}

interface Props {
  /**
   * Slot for "Import from configuration.nix" (src/features/import): shown under the toggle whether
   * or not the main system is described yet; the importer fills `project.base` itself.
   */
  importAction?: ReactNode;
}

/** The parent system: what the main configuration sets, as far as specialisations have to override it. */
export function ParentPanel({ importAction }: Props) {
  const base = useStudio((s) => s.project.base);
  const release = useStudio((s) => s.project.nixosRelease);
  const target = useMemo(() => (base ? baseTarget(base, release) : null), [base, release]);
  return (
    <SettingsContext.Provider value={target}>
      <form className="specialisation-form parent-form" aria-label={PARENT_FORM_LABEL} onSubmit={(e) => e.preventDefault()} noValidate>
        <Section id="base-intro" title="Main system">
          <p className="parent-intro">
            Your <code>configuration.nix</code> is the parent every specialisation builds on. Describe what it sets so the
            module can turn off what your main configuration sets where a specialisation replaces it.
          </p>
          <Field
            path="base"
            label="Describe my main configuration"
            kind="check"
            hint={
              base
                ? 'Only what a specialisation may have to override; the rest of configuration.nix stays as it is.'
                : 'Off: the module writes no overrides, so a specialisation that brings another desktop or kernel may clash with the parent.'
            }
          >
            {(control) => <input {...control} type="checkbox" checked={base !== null} onChange={(e) => setDescribed(e.target.checked)} />}
          </Field>
          {importAction && <div className="parent-import">{importAction}</div>}
        </Section>
        {base && (
          <>
            <BootloaderSection base={base} />
            <DesktopSection />
            <KernelSection />
            <GpuSection />
            <NetworkSection base={base} />
          </>
        )}
      </form>
    </SettingsContext.Provider>
  );
}

const BOOTLOADER_LABELS: Record<Bootloader, string> = {
  'systemd-boot': 'systemd-boot (UEFI)',
  grub: 'GRUB',
  lanzaboote: 'lanzaboote (systemd-boot with Secure Boot)',
};

/** A text field of the main system's bootloader (a path, a disk), typed as written. */
function BaseTextField(props: { field: 'grubDevice' | 'pkiBundle'; label: string; placeholder: string; value: string; hint: ReactNode }) {
  const edit = useEdit();
  const { field, label, placeholder, value, hint } = props;
  const path = `base.${field}`;
  return (
    <Field path={path} label={label} hint={hint}>
      {(control) => (
        <input
          {...control}
          type="text"
          className="mono"
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          value={value}
          onChange={(e) => edit(path, (p) => setBaseField(p, field, e.target.value))}
        />
      )}
    </Field>
  );
}

function BootloaderSection({ base }: { base: Base }) {
  const edit = useEdit();
  return (
    <Section
      id="base-boot"
      title="Boot"
      description="It draws the boot menu with your specialisations, and decides whether a default entry can be set."
    >
      <Field path="base.bootloader" label="Bootloader">
        {(control) => (
          <select {...control} value={base.bootloader} onChange={(e) => edit(null, (p) => setBaseField(p, 'bootloader', e.target.value as Bootloader))}>
            {(Object.keys(BOOTLOADER_LABELS) as Bootloader[]).map((b) => (
              <option key={b} value={b}>
                {BOOTLOADER_LABELS[b]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {base.bootloader === 'lanzaboote' && (
        <BaseTextField
          field="pkiBundle"
          label="Secure Boot keys folder"
          placeholder="/var/lib/sbctl"
          value={base.pkiBundle}
          hint={
            <>
              <code>boot.lanzaboote.pkiBundle</code>: where <code>sbctl create-keys</code> put them. The module turns off
              systemd-boot&apos;s installer and needs lanzaboote&apos;s NixOS module imported (its comment says how).
            </>
          }
        />
      )}
      {base.bootloader === 'grub' && (
        <BaseTextField
          field="grubDevice"
          label="GRUB device"
          placeholder="nodev"
          value={base.grubDevice}
          hint={
            <>
              <code>nodev</code> for UEFI; a whole disk such as <code>/dev/sda</code> for BIOS.
            </>
          }
        />
      )}
    </Section>
  );
}

function NetworkSection({ base }: { base: Base }) {
  const edit = useEdit();
  return (
    <Section id="base-network" title="Networking">
      <Field
        path="base.networkmanager"
        label="NetworkManager"
        kind="check"
        hint="It also creates the networkmanager group; users of a specialisation that inherits it can join it."
      >
        {(control) => (
          <input
            {...control}
            type="checkbox"
            checked={base.networkmanager}
            onChange={(e) => edit(null, (p) => setBaseField(p, 'networkmanager', e.target.checked))}
          />
        )}
      </Field>
    </Section>
  );
}
