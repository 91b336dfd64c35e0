import type { Project } from '../../model/types';
import { bootOnce } from '../../nixos/boot-once';
import { CopyButton, useAnnouncer } from '../copy/copy-button';

/** Per entry, the commands that start it at the next boot only, with copy buttons. */
export function BootOnceSection({ project }: { project: Project }) {
  const [status, announce] = useAnnouncer();
  const names: (string | null)[] = [null, ...project.specialisations.filter((s) => s.name !== '' && s.nixEntry === null).map((s) => s.name)];
  return (
    <section className="boot-designer-section" aria-labelledby="boot-once-heading">
      <h3 id="boot-once-heading">Boot an entry once</h3>
      <p className="boot-designer-note">The next boot starts it; the one after starts the default again. Nothing in the module changes.</p>
      <dl className="boot-once-list">
        {names.map((name) => (
          <div key={name ?? '\0parent'} className="boot-once-entry">
            <dt>{name ?? 'Main system'}</dt>
            {bootOnce(project, name).map((step, i) => (
              <dd key={i}>
                <span className="boot-once-label">{step.label}</span>
                {step.command !== null ? (
                  <span className="boot-once-command">
                    <code>{step.command}</code>
                    <CopyButton text={step.command} onResult={announce} />
                  </span>
                ) : null}
                {step.note && <span className="boot-once-note">{step.note}</span>}
              </dd>
            ))}
          </div>
        ))}
      </dl>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
