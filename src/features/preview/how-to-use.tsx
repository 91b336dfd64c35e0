import { shellWord } from '../../nixos/shell-word';
import { FILE_NAME } from './export-file';

/** The steps from a downloaded file to a boot entry. */
export function HowToUse({ firstName }: { firstName: string | undefined }) {
  const program = (name: string) => `/nix/var/nix/profiles/system/specialisation/${name}/bin/switch-to-configuration`;
  // Quoted for the shell: a name (even one still marked invalid) is never run as a command.
  const command = `sudo ${firstName?.trim() ? shellWord(program(firstName)) : program('<name>')} switch`;
  return (
    <details className="how-to">
      <summary>How to use this file</summary>
      <ol>
        <li>
          Save it as <code>{FILE_NAME}</code> next to <code>configuration.nix</code> (usually in{' '}
          <code>/etc/nixos</code>).
        </li>
        <li>
          In <code>configuration.nix</code>, add <code>imports = [ ./{FILE_NAME} ];</code>
        </li>
        <li>
          Run <code>sudo nixos-rebuild boot</code>, reboot and pick the entry for the specialisation in the boot menu.
        </li>
      </ol>
      <p>To switch without rebooting:</p>
      <pre className="how-to-command">
        <code>{command}</code>
      </pre>
    </details>
  );
}
