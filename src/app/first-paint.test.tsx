import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readProject } from '../model/read';
import type { Project } from '../model/types';
import { generate } from '../nixos/generate';
import { generateEarly, generatedFor } from '../store/first-generated';
import { renderApp, resetStore } from '../test/dom';
import { paintFirst, paintLoadFailure } from './paint-first';

const example = (): Project => readProject(JSON.parse(readFileSync('examples/seed-chani-paul.json', 'utf8'))).project;

/** index.html's static frame (the first paint), as the browser builds it. */
function staticFrame(): HTMLElement {
  const html = readFileSync('index.html', 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const root = doc.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  const frame = document.createElement('div');
  frame.innerHTML = root.innerHTML;
  return frame;
}

describe("index.html's first paint", () => {
  let unmount = () => {};
  afterEach(() => {
    unmount();
    unmount = () => {};
    resetStore();
  });

  it('is the frame the editor draws: the same title, columns, headings, preview label and footer', () => {
    const frame = staticFrame();
    const app = renderApp();
    unmount = app.unmount;
    const container = app.container;
    const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();

    expect(frame.querySelector('[data-first-paint]')).not.toBeNull();
    expect(text(frame.querySelector('header h1'))).toBe(text(container.querySelector('header h1')));
    expect(text(frame.querySelector('header .tagline'))).toBe(text(container.querySelector('header .tagline')));
    expect(text(frame.querySelector('footer'))).toBe(text(container.querySelector('footer')));
    // The columns, in order, with the classes that place and style them (app.css, phone-layout.css).
    const columns = (el: Element) => [...el.querySelectorAll('main.shell-main > .panel')].map((p) => p.className);
    expect(columns(frame)).toEqual(columns(container));
    expect(frame.querySelector('main')?.getAttribute('data-pane')).toBe(container.querySelector('main')?.getAttribute('data-pane'));
    // Each region's heading, by id and name.
    for (const id of ['specialisations-heading', 'form-heading', 'generated-heading']) {
      expect(text(frame.querySelector(`#${id}`)), id).toBe(text(container.querySelector(`#${id}`)));
      expect(frame.querySelector(`[aria-labelledby="${id}"]`), id).not.toBeNull();
    }
    const label = (el: Element) => el.querySelector('pre.code')?.getAttribute('aria-label');
    expect(label(frame)).toBe(label(container));
    expect(label(frame)).toBeTruthy();
  });

  it('writes the stored project: its module as text, its names as text (never as markup)', () => {
    const frame = staticFrame();
    const project = example();
    project.specialisations[0].name = '<img src=x onerror=alert(1)>';
    paintFirst(frame, project, () => generate(project).text);

    expect(frame.querySelector('pre.code > code')?.textContent).toBe(generate(project).text);
    expect([...frame.querySelectorAll('.first-paint-names li')].map((li) => li.textContent)).toEqual(project.specialisations.map((s) => s.name));
    expect(frame.querySelector('img[src="x"]')).toBeNull();
  });

  it('says the editor could not load, and that the project is kept, where it said "Loading"', () => {
    const frame = staticFrame();
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      paintLoadFailure(frame, new TypeError('Failed to fetch dynamically imported module'));
    } finally {
      console.error = log;
    }
    const statuses = [...frame.querySelectorAll('.first-paint-status')];
    expect(statuses.length).toBeGreaterThan(0);
    for (const s of statuses) expect(s.textContent).toMatch(/could not be loaded.*Reload the page; your project stays saved/);
    expect(errors).toHaveLength(1);
  });
});

describe('generatedFor', () => {
  it("takes the first paint's module once, for that project only", () => {
    const project = example();
    const early = generateEarly(project);
    expect(generatedFor(project)).toBe(early);
    // Taken: the next call generates again (same text, another result).
    const again = generatedFor(project);
    expect(again).not.toBe(early);
    expect(again.text).toBe(early.text);

    const other = example();
    generateEarly(project);
    expect(generatedFor(other)).not.toBe(early);
    expect(generatedFor(other).text).toBe(early.text);
  });
});
