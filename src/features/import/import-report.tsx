import { leftOutSentence, type ImportReport } from '../../nixos/import/report';
import { releaseLabel } from '../../nixos/releases';

/** What an import will do: the release and why, then per specialisation what the form reads, what stays Nix and what the form adds. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const left = leftOutSentence(report.leftOut);
  return (
    <div className="import-report">
      {report.recovered && <p className="import-note import-note-warning">Recovered: {report.recovered}.</p>}
      <p>
        <strong>NixOS {releaseLabel(report.release)}.</strong> {report.releaseReason}
      </p>
      {report.specialisations.length === 0 ? (
        <p className="import-note">No specialisations found: the project will have none.</p>
      ) : (
        <ul className="import-specialisations">
          {report.specialisations.map((s) => (
            <li key={`${s.name}-${s.line}`}>
              <h3>
                {s.name} <span className="import-line">line {s.line}</span>
              </h3>
              <dl>
                <dt>Read into the form</dt>
                <dd>{s.read.length ? s.read.join('; ') : 'nothing'}</dd>
                {s.kept.length > 0 && (
                  <>
                    <dt>Kept as Nix (its Extra Nix)</dt>
                    <dd>
                      <ul className="import-kept">
                        {s.kept.map((k, i) => (
                          <li key={i}>
                            <code>{k.label}</code> <span className="import-line">line {k.line}</span>
                            {k.why && <span className="import-why"> — {k.why}</span>}
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </>
                )}
                {s.added.length > 0 && (
                  <>
                    <dt>Added by the form</dt>
                    <dd>
                      <ul className="import-kept">
                        {s.added.map((a, i) => (
                          <li key={i}>
                            <code>{a.text}</code> <span className="import-why">— {a.why}</span>
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </>
                )}
                {s.notes.length > 0 && (
                  <>
                    <dt>Notes</dt>
                    {s.notes.map((n, i) => (
                      <dd key={i}>{n}</dd>
                    ))}
                  </>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
      {left && <p className="import-note">{left}</p>}
      {report.notes.map((n, i) => (
        <p key={i} className="import-note">
          {n}
        </p>
      ))}
    </div>
  );
}
