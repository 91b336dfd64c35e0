import { useEffect } from 'react';
import { downloadText } from '../features/project/download';
import { studioStore, useStudio, type Notice, type NoticeAction } from '../store/studio-store';

/** Runs a notice's action, then drops that action; a notice left with nothing to show or do goes away. */
function runAction(notice: Notice, action: NoticeAction) {
  action.run();
  const notices = studioStore.getState().notices;
  const rest = notice.actions?.filter((a) => a !== action) ?? [];
  // Fixes are alternatives to the other buttons only when one of them undid everything.
  const keep = rest.length > 0 && !/^Undo/.test(action.label) && (notice.details?.length ?? 0) > 0;
  studioStore.setState({
    notices: keep ? notices.map((n) => (n === notice ? { ...n, actions: rest } : n)) : notices.filter((n) => n !== notice),
  });
}

/** Messages from the app (set-aside saves, deletions, release changes, files that could not be opened). */
export function Notices() {
  const notices = useStudio((s) => s.notices);
  const dismiss = useStudio((s) => s.dismissNotice);
  const project = useStudio((s) => s.project);
  // Notices that no longer apply (a release change, once the target is another release) leave on their own.
  useEffect(() => {
    if (notices.some((n) => n.appliesTo && !n.appliesTo(project)))
      studioStore.setState({ notices: notices.filter((n) => !n.appliesTo || n.appliesTo(project)) });
  }, [notices, project]);
  return (
    <div className="notices" role="status" aria-live="polite" aria-label="Notices">
      {notices.map((n, i) => (
        <div key={`${i}-${n.message}`} className={`notice notice-${n.kind}`}>
          <p className="notice-message">{n.message}</p>
          {n.details && n.details.length > 0 && (
            <ul className="notice-details">
              {n.details.map((d, j) => (
                <li key={j}>{d}</li>
              ))}
            </ul>
          )}
          <div className="notice-actions">
            {n.actions?.map((a) => (
              <button key={a.label} type="button" className="button-small" onClick={() => runAction(n, a)}>
                {a.label}
              </button>
            ))}
            {[...(n.download ? [n.download] : []), ...(n.downloads ?? [])].map((d) => (
              <button key={d.fileName} type="button" className="button-small" onClick={() => downloadText(d.fileName, d.text)}>
                Download {d.fileName}
              </button>
            ))}
            {!n.persistent && (
              <button type="button" className="button-small button-quiet" onClick={() => dismiss(i)} aria-label={`Dismiss: ${n.message}`}>
                Dismiss
              </button>
            )}
          </div>
        </div>
      ))}
    </div>
  );
}
