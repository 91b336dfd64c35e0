/**
 * The event a layout that hides parts of the page listens to (the phone shows one pane at a time,
 * src/app/phone-layout.tsx): it bubbles from an element about to be focused or scrolled to, and the
 * layout shows the part holding it before the event returns. An element that is not displayed cannot
 * take focus, so whatever moves focus across the page (a problem to its field) reveals its target first.
 */
export const REVEAL_EVENT = 'studio:reveal';

/** Asks the layout to show the part of the page holding `el`, at once (no-op where nothing is hidden). */
export function reveal(el: Element): void {
  el.dispatchEvent(new Event(REVEAL_EVENT, { bubbles: true }));
}
