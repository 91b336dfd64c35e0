import { useReleaseChoices } from '../../catalog/use-release-choices';
import { GPU_MODES, type Gpu, type GpuMode } from '../../model/types';
import { BUS_ID, lspciToBusId } from '../../model/validate';
import { CatalogNote } from './catalog-note';
import { Field } from './field';
import { PriorityGroup } from './priority-field';
import { useSettings } from './form-context';
import { LspciHelper } from './lspci-helper';
import { openModuleHint, recommendedOpenModule } from './open-module';
import { Section } from './section';
import { useEdit } from './use-edit';

const MODE_LABELS: Record<GpuMode, string> = {
  none: 'None (keep the parent\u2019s)',
  nvidia: 'NVIDIA only',
  'nvidia-offload': 'NVIDIA PRIME offload (integrated GPU by default)',
  'nvidia-sync': 'NVIDIA PRIME sync (NVIDIA renders everything)',
  'nvidia-reverse-sync': 'NVIDIA PRIME reverse sync',
  amd: 'AMD (amdgpu)',
};

type BusField = 'nvidiaBusId' | 'intelBusId' | 'amdgpuBusId';
const BUS_FIELDS: { key: BusField; label: string }[] = [
  { key: 'nvidiaBusId', label: 'NVIDIA bus ID' },
  { key: 'intelBusId', label: 'Intel iGPU bus ID' },
  { key: 'amdgpuBusId', label: 'AMD iGPU bus ID' },
];

const PARENT_NONE = 'None (no GPU driver set)';

/**
 * The GPU of a specialisation, or of the parent system: there, what a specialisation may have to
 * override (mode, driver, open module, PRIME bus IDs), not the enclosure and Thunderbolt extras.
 */
export function GpuSection() {
  const target = useSettings();
  const { prefix, gpu: g, release, owner } = target;
  const parent = owner === 'parent';
  const edit = useEdit();
  const choices = useReleaseChoices(release);
  const p = `${prefix}.gpu`;
  const set = <K extends keyof Gpu>(key: K, value: Gpu[K], coalesce = false) =>
    edit(coalesce ? `${p}.${key}` : null, (x) => target.update(x, 'gpu', key, value));
  const nvidia = g.mode.startsWith('nvidia');
  const prime = nvidia && g.mode !== 'nvidia';
  // Choosing NVIDIA starts the open module at what NixOS recommends for the release (one undo step with the mode).
  const setMode = (mode: GpuMode) =>
    edit(null, (x) => {
      const next = target.update(x, 'gpu', 'mode', mode);
      return !nvidia && mode.startsWith('nvidia') ? target.update(next, 'gpu', 'openKernelModule', recommendedOpenModule(release)) : next;
    });
  const drivers = choices.nvidiaDrivers.includes(g.driver) ? choices.nvidiaDrivers : [...choices.nvidiaDrivers, g.driver];

  return (
    <Section
      id={`${prefix}-gpu`}
      title={parent ? 'GPU' : 'GPU / eGPU'}
      description={parent ? 'The video driver and PRIME mode your main configuration sets.' : undefined}
    >
      <Field path={`${p}.mode`} label="GPU mode">
        {(control) => (
          <select {...control} value={g.mode} onChange={(e) => setMode(e.target.value as GpuMode)}>
            {GPU_MODES.map((m) => (
              <option key={m} value={m}>
                {parent && m === 'none' ? PARENT_NONE : MODE_LABELS[m]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {nvidia && (
        <>
          <CatalogNote status={choices.status} what="NVIDIA drivers" />
          <Field path={`${p}.driver`} label="NVIDIA driver">
            {(control) => (
              <select {...control} className="mono" value={g.driver} onChange={(e) => set('driver', e.target.value as Gpu['driver'])}>
                {drivers.map((d) => (
                  <option key={d} value={d}>
                    {d}
                    {choices.brokenNvidiaDrivers.includes(d) ? ' (does not build with the default kernel)' : ''}
                    {!choices.nvidiaDrivers.includes(d) ? ` (not in NixOS ${release})` : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            path={`${p}.openKernelModule`}
            label="Open kernel module"
            kind="check"
            hint={openModuleHint(release, g.openKernelModule)}
          >
            {(control) => <input {...control} type="checkbox" checked={g.openKernelModule} onChange={(e) => set('openKernelModule', e.target.checked)} />}
          </Field>
        </>
      )}
      {!parent && (nvidia || g.externalGpu) && (
        <Field path={`${p}.externalGpu`} label="External GPU (in an enclosure)" kind="check">
          {(control) => <input {...control} type="checkbox" checked={g.externalGpu} onChange={(e) => set('externalGpu', e.target.checked)} />}
        </Field>
      )}
      {!parent && (
        <Field path={`${p}.thunderbolt`} label="Thunderbolt (authorise devices with bolt)" kind="check">
          {(control) => <input {...control} type="checkbox" checked={g.thunderbolt} onChange={(e) => set('thunderbolt', e.target.checked)} />}
        </Field>
      )}
      {prime && (
        <>
          {/* Before the fields it fills, so lspci's output is at hand before their empty-field errors. */}
          <LspciHelper onUse={(key, busId) => set(key, busId)} />
          {BUS_FIELDS.map(({ key, label }) => {
            const value = g[key];
            const converted = value !== null && !BUS_ID.test(value) ? lspciToBusId(value) : null;
            return (
              <Field key={key} path={`${p}.${key}`} label={label} hint={key === 'nvidiaBusId' ? 'PCI:<bus>:<device>:<function>, in decimal.' : undefined}>
                {(control) => (
                  <div className="input-with-button">
                    <input
                      {...control}
                      type="text"
                      className="mono"
                      autoComplete="off"
                      spellCheck={false}
                      placeholder="PCI:1:0:0"
                      value={value ?? ''}
                      onChange={(e) => set(key, e.target.value.trim() === '' ? null : e.target.value, true)}
                    />
                    {converted && (
                      <button type="button" className="button-small" onClick={() => set(key, converted)}>
                        Convert to {converted}
                      </button>
                    )}
                  </div>
                )}
              </Field>
            );
          })}
        </>
      )}
      {!parent && g.mode !== 'none' && (
        <PriorityGroup
          fields={[
            { field: 'gpu.videoDrivers', what: 'the video drivers' },
            ...(prime ? [{ field: 'gpu.prime' as const, what: 'the PRIME mode' }] : []),
            ...(nvidia ? [{ field: 'gpu.driver' as const, what: 'the NVIDIA driver' }, { field: 'gpu.openKernelModule' as const, what: 'the open kernel module setting' }] : []),
          ]}
        />
      )}
    </Section>
  );
}
