import { reveal } from '../panes/reveal';
import { ancestorPaths, specialisationIndex } from './problems';

const FOCUSABLE_SELF =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex], [contenteditable="true"]';
const TABBABLE = FOCUSABLE_SELF.replace('[tabindex]', '[tabindex]:not([tabindex="-1"])');

const attributeValue = (s: string) => s.replace(/["\\]/g, '\\$&');

/** The element of a field (`[data-field-path]`), or of its nearest ancestor path that is on the page. */
export function findFieldElement(root: ParentNode, path: string): HTMLElement | null {
  for (const p of ancestorPaths(path)) {
    const el = root.querySelector<HTMLElement>(`[data-field-path="${attributeValue(p)}"]`);
    if (el) return el;
  }
  return null;
}

/** The element itself when it can take focus, else its first focusable descendant. */
export function focusTarget(el: HTMLElement): HTMLElement | null {
  return el.matches(FOCUSABLE_SELF) ? el : el.querySelector<HTMLElement>(TABBABLE);
}

const nextFrame = () =>
  new Promise<void>((resolve) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => resolve()) : setTimeout(resolve, 16)));

/**
 * Shows the specialisation a field belongs to (so the form renders it), waits for the field to
 * appear and focuses it. Resolves to the focused element, or null when the field never showed up.
 */
export async function focusFieldByPath(
  path: string,
  select: (index: number) => void,
  root: Document = document,
  frames = 10,
): Promise<HTMLElement | null> {
  const index = specialisationIndex(path);
  if (index !== null) select(index);
  for (let i = 0; i <= frames; i++) {
    const el = findFieldElement(root, path);
    const target = el && focusTarget(el);
    if (target) {
      for (let d = target.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
      reveal(target);
      target.focus();
      target.scrollIntoView?.({ block: 'center' });
      return target;
    }
    await nextFrame();
  }
  return null;
}
