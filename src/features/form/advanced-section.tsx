import { lazy, Suspense } from 'react';
import { setSpecialisationField } from '../../model/operations';
import { LoadBoundary } from '../load-error/load-boundary';
import { Field, type ControlProps } from './field';
import { useFormContext, useSpecialisation } from './form-context';
import { Section } from './section';
import { useEdit } from './use-edit';

// Lazy: the editor brings Monaco, which must not hold up the first paint of the form.
const NixCodeEditor = lazy(() => import('../code/nix-code-editor').then((m) => ({ default: m.NixCodeEditor })));

const LABEL = 'Extra Nix';

function PlainEditor({ control, value, onChange }: { control: ControlProps; value: string; onChange: (v: string) => void }) {
  return (
    <textarea
      {...control}
      className="mono extra-nix"
      rows={8}
      spellCheck={false}
      autoCapitalize="off"
      placeholder={'services.openssh.enable = true;'}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

export function AdvancedSection() {
  const { index } = useFormContext();
  const extraConfig = useSpecialisation((s) => s.extraConfig);
  const edit = useEdit();
  const path = `specialisations[${index}].extraConfig`;
  const onChange = (v: string) => edit(path, (x) => setSpecialisationField(x, index, 'extraConfig', v));
  return (
    <Section
      id={`specialisations[${index}]-advanced`}
      title="Advanced"
      description="Any other NixOS settings for this entry, as Nix bindings. They go inside its configuration as written."
    >
      <Field path={path} label={LABEL} hint="For example: services.openssh.enable = true; — use lib.mkForce where the parent sets the same option.">
        {(control) => {
          const plain = <PlainEditor control={control} value={extraConfig} onChange={onChange} />;
          return (
            <LoadBoundary part="The Nix editor" fallback={plain}>
              <Suspense fallback={plain}>
                <NixCodeEditor value={extraConfig} onChange={onChange} label={LABEL} id={control.id} fieldPath={path} />
              </Suspense>
            </LoadBoundary>
          );
        }}
      </Field>
    </Section>
  );
}
