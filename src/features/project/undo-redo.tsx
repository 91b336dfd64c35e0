import { useStore } from 'zustand';
import { redo, studioStore, undo } from '../../store/studio-store';

/** Undo and Redo buttons, disabled when there is nothing to undo or redo. */
export function UndoRedo() {
  const canUndo = useStore(studioStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(studioStore.temporal, (s) => s.futureStates.length > 0);
  return (
    <div className="undo-redo" role="group" aria-label="History">
      <button type="button" className="button" onClick={undo} disabled={!canUndo} aria-keyshortcuts="Control+Z" title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button type="button" className="button" onClick={redo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z Control+Y" title="Redo (Ctrl+Shift+Z)">
        Redo
      </button>
    </div>
  );
}
