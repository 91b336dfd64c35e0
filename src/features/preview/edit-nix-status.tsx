import { leftOutSentence } from '../../nixos/import/report';
import type { EditNixStatus } from './use-edit-nix';

/** What Edit Nix did with the last pause in typing: the forms followed, or where the text is not Nix. */
export function EditNixStatusLine({ status }: { status: EditNixStatus }) {
  let message: string;
  let kind = 'info';
  switch (status.kind) {
    case 'ready':
      message = 'Edit the Nix: the forms follow when you pause. What they cannot hold stays in each specialisation’s Extra Nix.';
      break;
    case 'reading':
      message = 'Reading your text…';
      break;
    case 'applied': {
      const kept = status.report.specialisations.reduce((n, s) => n + s.kept.length, 0);
      const left = leftOutSentence(status.report.leftOut);
      message = `The forms follow your text${kept ? `; ${kept} ${kept === 1 ? 'setting stays' : 'settings stay'} Nix in Extra Nix` : ''}.${left ? ` ${left.replace(/^Left out:/, 'Not kept:')}` : ''}`;
      break;
    }
    case 'error':
      kind = 'error';
      message = `Line ${status.problem.line}, column ${status.problem.column}: ${status.problem.message}. The forms keep the last text that was valid Nix.`;
      break;
  }
  return (
    <p className={`edit-nix-status edit-nix-status-${kind}`} role="status">
      {message}
    </p>
  );
}
