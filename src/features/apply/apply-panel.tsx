import { useId, useState } from 'react';
import { applyGuide, moduleSnippet, type ApplyGuide, type GuideCommand } from '../../nixos/apply-guide';
import type { BuildMethod, GuideOptions } from '../../nixos/rebuild';
import { REBUILD_SPECIALISATION_FLAG, at, releaseLabel } from '../../nixos/releases';
import { useStudio } from '../../store/studio-store';
import { CopyButton, useAnnouncer } from '../copy/copy-button';
import { FILE_NAME } from '../preview/export-file';
import { useGuideOptions } from './guide-options';
import './apply.css';

const METHODS: { id: BuildMethod; label: string }[] = [
  { id: 'channels', label: 'configuration.nix (channels)' },
  { id: 'flake', label: 'A flake, with nixos-rebuild' },
  { id: 'nh', label: 'A flake, with nh' },
];

/**
 * How to apply each specialisation, from `applyGuide`: what it changes and what that takes, the
 * commands (for the build method the user picked once) with copy buttons, the way back and a VM of
 * the entry. One accordion item per specialisation; the one selected in the list starts open.
 */
export function ApplyPanel() {
  const project = useStudio((s) => s.project);
  const selected = useStudio((s) => (s.editingParent ? -1 : s.selected));
  const [status, announce] = useAnnouncer();
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const [options, setOptions] = useGuideOptions();
  const release = project.nixosRelease;
  const hasFlag = at(REBUILD_SPECIALISATION_FLAG, release);

  if (project.specialisations.length === 0)
    return <p className="apply-empty">Add a specialisation to see how to apply it.</p>;

  return (
    <div className="apply">
      <BuildMethodChoice options={options} onChange={setOptions} />
      <p className="copy-status" role="status">
        {status}
      </p>
      <div className="apply-module">
        <p className="apply-intro">
          First save the module as <code>{FILE_NAME}</code> next to <code>configuration.nix</code> and add it to{' '}
          {options.method === 'channels' ? (
            <>
              its <code>imports</code>
            </>
          ) : (
            <>
              your flake&apos;s <code>modules</code> list (or to <code>imports</code> in <code>configuration.nix</code>)
            </>
          )}
          :
        </p>
        <Command command={{ label: '', command: moduleSnippet(FILE_NAME, options) }} announce={announce} />
        <p className="apply-intro">Then, for each entry:</p>
      </div>
      {!hasFlag && options.method !== 'nh' && (
        <p className="apply-release-note" role="note">
          NixOS {releaseLabel(release)}&apos;s <code>nixos-rebuild</code> has no <code>--specialisation</code> option (it came in 23.05):
          rebuild, then switch with <code>switch-to-configuration</code>.
        </p>
      )}
      <div className="apply-list">
        {project.specialisations.map((s, i) => {
          if (s.name === '')
            return (
              <p key={i} className="apply-unnamed">
                Specialisation {i + 1} has no name yet: name it to see its commands.
              </p>
            );
          const isOpen = open[s.name] ?? (i === selected || (selected === -1 && i === 0));
          const guide = applyGuide(project, s, options);
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
              <ApplySummary guide={guide} />
              {isOpen && <Guide guide={guide} announce={announce} />}
            </details>
          );
        })}
      </div>
    </div>
  );
}

function BuildMethodChoice({ options, onChange }: { options: GuideOptions; onChange: (change: Partial<GuideOptions>) => void }) {
  const id = useId();
  const flake = options.method !== 'channels';
  const odd = options.host !== '' && !/^[A-Za-z0-9_-]+$/.test(options.host);
  return (
    <fieldset className="apply-method">
      <legend>How you build this machine</legend>
      <div className="apply-method-choices">
        {METHODS.map((m) => (
          <label key={m.id} className="apply-method-choice">
            <input type="radio" name={`${id}-method`} value={m.id} checked={options.method === m.id} onChange={() => onChange({ method: m.id })} />
            {m.label}
          </label>
        ))}
      </div>
      {flake && (
        <div className="apply-host">
          <label htmlFor={`${id}-host`}>Flake host name</label>
          <input
            id={`${id}-host`}
            type="text"
            spellCheck={false}
            autoComplete="off"
            value={options.host}
            placeholder="this machine's host name"
            aria-describedby={`${id}-host-hint`}
            onChange={(e) => onChange({ host: e.target.value })}
          />
          <p id={`${id}-host-hint`} className="apply-host-hint">
            The name under <code>nixosConfigurations</code> in your <code>flake.nix</code>. Empty: {options.method === 'nh' ? 'nh' : 'nixos-rebuild'}{' '}
            takes the machine&apos;s host name.
            {odd && ' Host names are usually letters, digits, - and _: check the commands.'}
          </p>
        </div>
      )}
    </fieldset>
  );
}

const BADGE: Record<NonNullable<ApplyGuide['takes']>, string> = {
  reboot: 'needs a reboot',
  relogin: 'needs a re-login',
  switch: 'applies with a switch',
};

function ApplySummary({ guide }: { guide: ApplyGuide }) {
  const takes = guide.takes;
  return (
    <summary>
      <span className="apply-name">{guide.name}</span>{' '}
      <span className={takes === 'reboot' ? 'apply-badge apply-badge-reboot' : 'apply-badge'}>{takes ? BADGE[takes] : 'changes nothing yet'}</span>
    </summary>
  );
}

function Guide({ guide, announce }: { guide: ApplyGuide; announce: (m: string) => void }) {
  const nothing = guide.changes.length === 0;
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
      {guide.takes === 'reboot' && (
        <p className="apply-none">
          Trying {guide.name} without a reboot runs it on the kernel, initrd and drivers that are running: only a reboot into the
          entry shows the changes above that need one.
        </p>
      )}
      <h3>Build</h3>
      <Commands commands={guide.build} announce={announce} />
      <h3>Try it until the next reboot</h3>
      <Commands commands={guide.tryIt} announce={announce} />
      <h3>Switch to it</h3>
      <Commands commands={guide.switchTo} announce={announce} />
      <h3>Going back</h3>
      <Commands commands={guide.back} announce={announce} />
      <h3>A virtual machine of this entry</h3>
      <Commands commands={guide.vm} announce={announce} />
    </div>
  );
}

function Command({ command, announce }: { command: GuideCommand; announce: (m: string) => void }) {
  return (
    <div className="apply-command">
      <pre>
        <code>{command.command}</code>
      </pre>
      <CopyButton text={command.command} onResult={announce} />
    </div>
  );
}

function Commands({ commands, announce }: { commands: GuideCommand[]; announce: (m: string) => void }) {
  return (
    <ol className="apply-commands">
      {commands.map((c, i) => (
        <li key={`${i}-${c.command}`}>
          <p className="apply-command-label">{c.label}</p>
          <Command command={c} announce={announce} />
          {c.note && <p className="apply-command-note">{c.note}</p>}
        </li>
      ))}
    </ol>
  );
}
