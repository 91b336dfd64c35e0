/**
 * Files or text dropped on the page before the editor is there to take them (index.html's first paint,
 * src/app/first-paint.ts). Without a listener the browser would open a dropped file in place of the page; held here,
 * the editor's drop handling (use-file-drop.ts) gets the drop as soon as it starts. Plain DOM, no React.
 */

/** What was dropped: the first file, or the text when no file was. */
export type Dropped = { file: File } | { text: string };

/** Whether a drag carries files or text (what the page takes). */
export const carriesFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].some((t) => t === 'Files' || t === 'text/plain');

/**
 * What a drop event carries, read while it is dispatched (a DataTransfer cannot be read afterwards), or null.
 * Text dropped into a field is the field's: null.
 */
export function droppedBy(e: DragEvent): Dropped | null {
  const target = e.target as HTMLElement | null;
  if (target?.closest?.('input, textarea, .monaco-editor') && !e.dataTransfer?.files.length) return null;
  if (!carriesFiles(e)) return null;
  const file = e.dataTransfer?.files[0];
  if (file) return { file };
  const text = e.dataTransfer?.getData('text/plain');
  return text ? { text } : null;
}

let held: Dropped | null = null;
let stopHolding: (() => void) | null = null;

/** Until {@link takeEarlyDrop}: a drop on the page is kept (the last one), and the browser does not open it. */
export function holdEarlyDrops(target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): void {
  stopHolding?.();
  const over = (e: DragEvent) => {
    if (carriesFiles(e)) e.preventDefault();
  };
  const drop = (e: DragEvent) => {
    const dropped = droppedBy(e);
    if (!dropped) return;
    e.preventDefault();
    held = dropped;
  };
  target.addEventListener('dragover', over);
  target.addEventListener('drop', drop);
  stopHolding = () => {
    target.removeEventListener('dragover', over);
    target.removeEventListener('drop', drop);
  };
}

/** The drop kept before the editor started, if any; from now on the editor's own listeners take drops. */
export function takeEarlyDrop(): Dropped | null {
  stopHolding?.();
  stopHolding = null;
  const dropped = held;
  held = null;
  return dropped;
}
