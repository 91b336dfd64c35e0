/**
 * Whether a pointer is down, from its pointerdown until the click it makes has been dispatched. A field that
 * commits on blur (a list field adding what was typed) must not move the layout in that time: the blur comes
 * with the pointerdown on some other control, and if that control moves before the pointer comes up, the click
 * lands on whatever is under the pointer then, or on nothing.
 */
let pressed = false;
const waiting = new Set<() => void>();

function release() {
  pressed = false;
  const run = [...waiting];
  waiting.clear();
  for (const fn of run) fn();
}

/** After the click that a mouseup dispatches (a click comes in the same task as its mouseup). */
function endSoon() {
  if (pressed) setTimeout(release, 0);
}

if (typeof window !== 'undefined') {
  window.addEventListener('pointerdown', () => (pressed = true), true);
  // A touch's mouse events (and its click) come after its pointerup, so for touch only they end the gesture.
  window.addEventListener('pointerup', (e) => e.pointerType !== 'touch' && endSoon(), true);
  window.addEventListener('mouseup', endSoon, true);
  window.addEventListener('pointercancel', endSoon, true);
}

/** True between a pointerdown and the end of the click it makes. */
export function pointerPressed(): boolean {
  return pressed;
}

/** Runs `fn` once the current pointer gesture (and its click) is over; at once when none is. Returns a cancel. */
export function afterPointerGesture(fn: () => void): () => void {
  if (!pressed) {
    fn();
    return () => {};
  }
  waiting.add(fn);
  return () => waiting.delete(fn);
}
