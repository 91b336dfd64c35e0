import { useState } from 'react';
import type { Project, Specialisation } from '../../model/types';
import { applyGuide, type GuideCommand } from '../../nixos/apply-guide';
import { REBUILD_SPECIALISATION_FLAG, at, releaseLabel } from '../../nixos/releases';
import { useStudio } from '../../store/studio-store';
import { CopyButton, useAnnouncer } from '../copy/copy-button';
import { FILE_NAME } from '../preview/export-file';
import './apply.css';

/**
 * How to apply each specialisation, from `applyGuide`: what needs a reboot, what a switch applies,
 * the commands with copy buttons, and the way back. One accordion item per specialisation; the one
 * selected in the list starts open.
 */
export function ApplyPanel() {
  const project = useStudio((s) => s.project);
  const selected = useStudio((s) => (s.editingParent ? -1 : s.selected));
  const [status, announce] = useAnnouncer();
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const release = project.nixosRelease;
  const hasFlag = at(REBUILD_SPECIALISATION_FLAG, release);

  if (project.specialisations.length === 0)
    return <p className="apply-empty">Add a specialisation to see how to apply it.</p>;

  return (
    <div className="apply">
      <p className="apply-intro">
        First save the module as <code>{FILE_NAME}</code> next to <code>configuration.nix</code> and add it to its{' '}
        <code>imports</code>. Then, for each entry:
      </p>
      {!hasFlag && (
        <p className="apply-release-note" role="note">
          NixOS {releaseLabel(release)}&apos;s <code>nixos-rebuild</code> has no <code>--specialisation</code> option (it came in 23.05):
          rebuild, then switch with <code>switch-to-configuration</code>.
        </p>
      )}
      <p className="copy-status" role="status">
        {status}
      </p>
      <div className="apply-list">
        {project.specialisations.map((s, i) => {
          if (s.name === '')
            return (
              <p key={i} className="apply-unnamed">
                Specialisation {i + 1} has no name yet: name it to see its commands.
              </p>
            );
          const isOpen = open[s.name] ?? (i === selected || (selected === -1 && i === 0));
          return (
            <details
              key={`${i}-${s.name}`}
              className="apply-item"
              open={isOpen}
              onToggle={(e) => {
                const now = e.currentTarget.open;
                if (now !== isOpen) setOpen((o) => ({ ...o, [s.name]: now }));
              }}
            >
              <ApplySummary project={project} s={s} />
              <Guide project={project} s={s} announce={announce} />
            </details>
          );
        })}
      </div>
    </div>
  );
}

function ApplySummary({ project, s }: { project: Project; s: Specialisation }) {
  const { needsReboot } = applyGuide(project, s);
  return (
    <summary>
      <span className="apply-name">{s.name}</span>{' '}
      <span className={needsReboot.length ? 'apply-badge apply-badge-reboot' : 'apply-badge'}>
        {needsReboot.length ? 'needs a reboot' : 'applies with a switch'}
      </span>
    </summary>
  );
}

function Guide({ project, s, announce }: { project: Project; s: Specialisation; announce: (m: string) => void }) {
  const guide = applyGuide(project, s);
  const nothing = guide.needsReboot.length === 0 && guide.appliesOnSwitch.length === 0;
  return (
    <div className="apply-guide">
      {nothing ? (
        <p className="apply-nothing">This entry changes nothing yet: it boots the same system as the parent.</p>
      ) : (
        <div className="apply-changes">
          <div>
            <h3>Needs a reboot</h3>
            {guide.needsReboot.length ? (
              <ul>
                {guide.needsReboot.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            ) : (
              <p className="apply-none">Nothing: a switch applies every change.</p>
            )}
          </div>
          <div>
            <h3>Applies with a switch</h3>
            {guide.appliesOnSwitch.length ? (
              <ul>
                {guide.appliesOnSwitch.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            ) : (
              <p className="apply-none">Nothing else.</p>
            )}
          </div>
        </div>
      )}
      <h3>Commands</h3>
      <Commands commands={guide.commands} announce={announce} />
      <h3>Going back</h3>
      <Commands commands={guide.back} announce={announce} />
    </div>
  );
}

function Commands({ commands, announce }: { commands: GuideCommand[]; announce: (m: string) => void }) {
  return (
    <ol className="apply-commands">
      {commands.map((c, i) => (
        <li key={`${i}-${c.command}`}>
          <p className="apply-command-label">{c.label}</p>
          <div className="apply-command">
            <pre>
              <code>{c.command}</code>
            </pre>
            <CopyButton text={c.command} onResult={announce} />
          </div>
          {c.note && <p className="apply-command-note">{c.note}</p>}
        </li>
      ))}
    </ol>
  );
}
