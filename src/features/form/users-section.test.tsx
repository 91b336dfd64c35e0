import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultProject, defaultSpecialisation, defaultUser } from '../../model/defaults';
import type { Diagnostic, Project } from '../../model/types';
import { fieldDiagnostics } from '../../store/derived';
import { studioStore } from '../../store/studio-store';
import { field, renderApp, resetStore, serveCatalogs, settle, typeInto } from '../../test/dom';
import { revealUserOf } from './reveal-user';
import { WHOLE_LIST_UP_TO } from './users-section';

// Monaco is not under test here, and slow to load in jsdom.
vi.mock('../preview/preview-pane', () => ({ PreviewPane: () => <div className="preview-pane" /> }));
vi.mock('../code/nix-code-editor', () => ({ NixCodeEditor: () => <textarea aria-label="Extra Nix" /> }));

/** jsdom lays nothing out: this stands in for the browser, and the test says which blocks are near the screen. */
class FakeIntersectionObserver {
  static last: FakeIntersectionObserver | null = null;
  readonly observed: Element[] = [];
  private readonly callback: IntersectionObserverCallback;
  constructor(callback: IntersectionObserverCallback) {
    this.callback = callback;
    FakeIntersectionObserver.last = this;
  }
  observe(el: Element) {
    this.observed.push(el);
  }
  disconnect() {}
  /** Reports the blocks `near` as near the screen, and the others as not. */
  near(...near: number[]) {
    const entries = this.observed.map((target) => ({
      target,
      isIntersecting: near.includes(Number((target as HTMLElement).dataset.block)),
      boundingClientRect: { height: 1000 },
    })) as unknown as IntersectionObserverEntry[];
    act(() => this.callback(entries, this as unknown as IntersectionObserver));
  }
}

const withUsers = (n: number): Project => ({
  ...defaultProject('26.05'),
  specialisations: [
    { ...defaultSpecialisation('many'), users: Array.from({ length: n }, (_, j) => ({ ...defaultUser(`user${j}`), uid: 1000 + j })) },
  ],
});

const fieldsets = (root: ParentNode) => root.querySelectorAll('fieldset.user').length;

describe('a long users list', () => {
  let app: ReturnType<typeof renderApp>;

  beforeEach(() => {
    serveCatalogs();
    resetStore();
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  });

  afterEach(() => {
    app.unmount();
    vi.unstubAllGlobals();
  });

  async function open(project: Project) {
    studioStore.getState().setProject(project);
    studioStore.getState().select(0);
    app = renderApp();
    await settle();
  }

  it('draws the users near the screen only, and keeps the space of the others', async () => {
    await open(withUsers(2000));
    expect(fieldsets(app.container)).toBe(20);
    expect(app.container.querySelectorAll('[data-block]')).toHaveLength(100);
    expect(app.container.textContent).toContain('2,000 users: the form draws those near the screen');

    FakeIntersectionObserver.last!.near(0, 1, 50);
    expect(fieldsets(app.container)).toBe(60);
    expect(field(app.container, 'specialisations[0].users[1019].name')).not.toBeNull();
    expect(field(app.container, 'specialisations[0].users[1000].name')).not.toBeNull();
    // A block that was drawn keeps the height it had; the others an estimate.
    FakeIntersectionObserver.last!.near(50);
    const block = app.container.querySelector<HTMLElement>('[data-block="0"]')!;
    expect(block.childElementCount).toBe(0);
    expect(block.style.height).toBe('1000px');
  });

  it('draws the user of a field that is asked for (the preview or the problems list picks it)', async () => {
    const project = withUsers(2000);
    project.specialisations[0].users[1500].uid = 1000;
    await open(project);
    expect(field(app.container, 'specialisations[0].users[1500].uid')).toBeNull();

    act(() => revealUserOf('specialisations[0].users[1500].uid'));
    const uid = field(app.container, 'specialisations[0].users[1500].uid')!;
    expect(uid).not.toBeNull();
    // Its own message, from the diagnostics of 2,000 users.
    expect(document.getElementById(uid.getAttribute('aria-describedby')!.split(' ').find((id) => id.endsWith('-messages'))!)?.textContent).toContain(
      'uid 1000 is already used by another user',
    );
  });

  it('types into a drawn user as into any field', async () => {
    await open(withUsers(2000));
    typeInto(field(app.container, 'specialisations[0].users[3].description')!, 'Someone');
    expect(studioStore.getState().project.specialisations[0].users[3].description).toBe('Someone');
  });

  it(`draws a list of up to ${WHOLE_LIST_UP_TO} users whole`, async () => {
    await open(withUsers(WHOLE_LIST_UP_TO));
    expect(fieldsets(app.container)).toBe(WHOLE_LIST_UP_TO);
    expect(app.container.querySelector('[data-block]')).toBeNull();
  });
});

describe('fieldDiagnostics', () => {
  const d = (path: string, message = path): Diagnostic => ({ path, severity: 'error', message });

  it('gives the diagnostics at a path, and with `list` those of its items too, in their order', () => {
    const all = [d('a.tags[1]'), d('a.tags'), d('a.tagsX'), d('a.tags[0].x'), d('b'), d('a.tags')];
    expect(fieldDiagnostics(all, 'a.tags')).toEqual([all[1], all[5]]);
    expect(fieldDiagnostics(all, 'a.tags', true)).toEqual([all[0], all[1], all[3], all[5]]);
    expect(fieldDiagnostics(all, 'a.tags[0]', true)).toEqual([]);
    expect(fieldDiagnostics(all, 'c')).toEqual([]);
  });
});
