import type { Project } from '../model/types';

/**
 * Fills index.html's static frame (the first paint) with what the stored project gives without the editor: the names
 * of its specialisations and the generated module as plain text. `moduleText` is asked for only when the frame has
 * the preview to hold it. Nothing here can be typed into: the editor, when it comes, replaces the whole frame.
 */
export function paintFirst(root: ParentNode, project: Project, moduleText: () => string): void {
  const code = root.querySelector('[data-first-paint] pre.code > code');
  if (code) code.textContent = moduleText();
  const names = root.querySelector('[data-first-paint] .first-paint-names');
  if (names) {
    names.replaceChildren(
      ...project.specialisations.map((s) => {
        const item = document.createElement('li');
        item.textContent = s.name || 'unnamed';
        return item;
      }),
    );
  }
}

/** What the frame says when the editor cannot be fetched (offline on a first visit, or a build replaced meanwhile). */
export function paintLoadFailure(root: ParentNode, error: unknown): void {
  console.error('The editor could not be loaded.', error);
  for (const status of root.querySelectorAll('[data-first-paint] .first-paint-status')) {
    status.textContent =
      'The editor could not be loaded: the connection may have dropped, or Specialisation Studio was updated since this page was opened. Reload the page; your project stays saved in this browser.';
    status.classList.add('first-paint-failed');
  }
}
