import { useEffect, useRef, useState } from 'react';
import { carriesFiles, droppedBy, takeEarlyDrop, type Dropped } from './early-drop';
import { readTextFile } from './read-text-file';

export interface Drop {
  /** A `.json` file: a project to open. */
  onProjectFile: (file: File) => void;
  /** Any other file, or dropped text: Nix to import. */
  onNix: (source: { text: string; name: string }) => void;
  onTooBig: (name: string) => void;
  /** A file that cannot be read as text (not UTF-8): the message names the file, line and column. */
  onUnreadable: (message: string) => void;
}

const MAX_BYTES = 8_000_000;

/** Files (or text) dropped anywhere on the page; `dragging` is true while something is held over it. */
export function useFileDrop(handlers: Drop): boolean {
  const [dragging, setDragging] = useState(false);
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (carriesFiles(e)) e.preventDefault();
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const deliver = (dropped: Dropped) => {
      if ('text' in dropped) {
        latest.current.onNix({ text: dropped.text, name: 'dropped text' });
        return;
      }
      const { file } = dropped;
      if (/\.json$/i.test(file.name)) latest.current.onProjectFile(file);
      else if (file.size > MAX_BYTES) latest.current.onTooBig(file.name);
      else
        void readTextFile(file).then((read) =>
          'text' in read ? latest.current.onNix({ text: read.text, name: file.name }) : latest.current.onUnreadable(read.problem),
        );
    };
    const drop = (e: DragEvent) => {
      depth = 0;
      setDragging(false);
      // Text dropped into a field goes into the field.
      const dropped = droppedBy(e);
      if (!dropped) return;
      e.preventDefault();
      deliver(dropped);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    // A drop made while the page showed its first paint, before these listeners.
    const early = takeEarlyDrop();
    if (early) deliver(early);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return dragging;
}
