import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium';
import { serveStatic } from '../scripts/static-server';
import { STORAGE_KEY, type StoredEnvelope } from '../src/store/persistence';
import { buildApp } from './build-app';
import { bigProject } from './generate';
import { budgetLine, median, percentile, type BenchResult } from './report';

/** Budget: a keystroke reaches the preview within one frame at 60 Hz. */
export const KEYSTROKE_BUDGET_MS = 16;

const SPECIALISATIONS = 100;
const KEYSTROKES = 200;
const WARM_UP = 10;
/** Letters and spaces only, so the generated Nix string holds them unescaped. */
const TEXT = 'the quick brown fox jumps over the lazy dog ';

interface Sample {
  /** keydown → the preview model's text contains the new character. */
  model: number;
  /** keydown → the next animation frame's callback after that (the frame that will draw it starts). */
  frame: number;
  /** keydown → the end of the first frame drawn after that (Monaco has rendered the change). */
  paint: number;
}

declare global {
  interface Window {
    __keystrokeProbe?: { arm(pattern: string): void; result: Promise<Sample> | null };
  }
}

/**
 * Runs in the page before the app. For each armed keystroke: t0 is the keydown's timestamp (when the browser
 * received the key, so waiting behind other work on the page counts). The check runs when the input event has
 * bubbled up to window, after React's own listener on its root has rendered, saved and applied the preview's
 * edits to Monaco's model (React flushes the effects of typing at once); the time is taken before reading the
 * model, so the probe's own getValue() of a 500 kB text is not counted. When the text is not there yet, it
 * checks again each frame. `frame` is the next animation frame's callback after that; `paint` follows the next animation frame and a message posted from it, i.e. after
 * that frame's style, layout and paint work: what the user can see.
 */
// Plain JavaScript, not a function passed to addInitScript: tsx would wrap its inner functions in a `__name`
// helper that does not exist in the page.
export const PROBE_SCRIPT = `(() => {
  let pending = null;
  const afterTask = (fn) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => fn();
    channel.port2.postMessage(null);
  };
  const check = (p) => {
    const t = performance.now();
    const text = window.__studioPreviewText ? window.__studioPreviewText() : '';
    if (!text.includes(p.pattern)) {
      requestAnimationFrame(() => check(p));
      return;
    }
    const model = t - p.t0;
    requestAnimationFrame(() => {
      const frame = performance.now() - p.t0;
      afterTask(() => p.resolve({ model, frame, paint: performance.now() - p.t0 }));
    });
  };
  let typing = null;
  window.addEventListener('keydown', (e) => {
    const p = pending;
    if (!p || p.t0 !== null) return;
    const now = performance.now();
    p.t0 = e.timeStamp > 0 && e.timeStamp <= now ? e.timeStamp : now;
    pending = null;
    typing = p;
    // In case no input event follows (it always should): look after the key's task.
    afterTask(() => { if (typing === p) { typing = null; check(p); } });
  }, { capture: true });
  // Bubbling to window comes after React's listener on its root: the render, the store's save and the
  // preview's edits to Monaco's model (a passive effect React flushes at once for typing) are done.
  window.addEventListener('input', () => {
    const p = typing;
    if (!p) return;
    typing = null;
    check(p);
  });
  window.__keystrokeProbe = {
    result: null,
    arm(pattern) {
      this.result = new Promise((resolve) => { pending = { pattern, t0: null, resolve }; });
    },
  };
})();`;

function summary(values: number[]): string {
  return `p50 ${median(values).toFixed(2)} ms, p95 ${percentile(values, 95).toFixed(2)} ms, max ${Math.max(...values).toFixed(2)} ms`;
}

/** The system Chromium (or Playwright's own), or why it cannot start. */
export async function launchChromium(): Promise<Browser | string> {
  const options = chromiumLaunchOptions();
  if (!options.executablePath) {
    const own = (() => {
      try {
        return chromium.executablePath();
      } catch {
        return null;
      }
    })();
    if (!own || !existsSync(own))
      return 'no Chromium found (set CHROMIUM_PATH, install /usr/bin/chromium, or run `npx playwright install chromium`)';
  }
  try {
    return await chromium.launch(options);
  } catch (e) {
    return `Chromium did not start: ${(e as Error).message.split('\n')[0]}`;
  }
}

/** The editor issue's case (100 × 10 users), and the trust issue's 500 specialisations (× 2 users, to fit localStorage). */
export async function benchKeystroke(): Promise<BenchResult[]> {
  return [...(await measureKeystrokes(SPECIALISATIONS, 10)), ...(await measureKeystrokes(500, 2))];
}

async function measureKeystrokes(count: number, usersEach: number): Promise<BenchResult[]> {
  const name = `keystroke → preview in Chromium, ${count} specialisations × ${usersEach} users, ${KEYSTROKES} keystrokes in a user's Description`;
  const browser = await launchChromium();
  if (typeof browser === 'string') {
    return [{ name, figures: `skipped: ${browser}`, budget: null }];
  }
  const app = await buildApp();
  const load = loadavg()[0].toFixed(2);
  const server = await serveStatic(app.outDir, '/');
  try {
    const project = bigProject(count, usersEach);
    // Layout 1 (the whole project in one value), which the store still reads: layout 2 keeps each
    // specialisation under a key of its own, named in the index.
    const envelope: StoredEnvelope = { storageVersion: 1, project };
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(
      ({ key, value }) => {
        window.__STUDIO_TEST__ = true;
        if (!sessionStorage.getItem('bench-seeded')) {
          localStorage.setItem(key, value);
          sessionStorage.setItem('bench-seeded', '1');
        }
      },
      { key: STORAGE_KEY, value: JSON.stringify(envelope) },
    );
    await context.addInitScript(PROBE_SCRIPT);
    const page = await context.newPage();
    await page.goto(server.url);

    const first = project.specialisations[0];
    const form = page.getByRole('form', { name: `Settings of ${first.name}` });
    const description = form.getByRole('group', { name: /^User 1\b/ }).getByLabel('Description');
    await description.waitFor();
    await page.waitForFunction(
      (n) => (window.__studioPreviewText?.().match(/\.configuration =/g)?.length ?? 0) === n,
      count,
      { timeout: 60_000 },
    );
    // Focused, caret at the end; the preview reveals and highlights the description's line.
    await description.click();
    await description.press('End');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

    const samples: Sample[] = [];
    let typed = '';
    for (let i = 0; i < WARM_UP + KEYSTROKES; i++) {
      const ch = TEXT[i % TEXT.length];
      typed += ch;
      // The description's line ends `… text<typed>";` only once this character is in.
      await page.evaluate((pattern) => window.__keystrokeProbe!.arm(pattern), `text${typed}";`);
      await page.keyboard.type(ch);
      const sample = await page.evaluate(() => window.__keystrokeProbe!.result!);
      if (i >= WARM_UP) samples.push(sample);
    }
    const model = samples.map((s) => s.model);
    const frame = samples.map((s) => s.frame);
    const paint = samples.map((s) => s.paint);
    const lines = (await page.evaluate(() => window.__studioPreviewText?.() ?? '')).split('\n').length;
    return [
      {
        name,
        figures: [
          `preview model updated: ${summary(model)}`,
          `next frame's callback: ${summary(frame)} (includes waiting for the display's next frame)`,
          `next frame drawn:      ${summary(paint)} (the same, and that frame's style, layout and paint)`,
          `${KEYSTROKES} measured after ${WARM_UP} warm-up keystrokes; preview ${lines} lines; machine: ${availableParallelism()} CPUs, load average ${load} when it started`,
        ].join('\n    '),
        budget: budgetLine('keystroke → preview model, p95', percentile(model, 95), KEYSTROKE_BUDGET_MS, 'ms'),
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

// `npx tsx bench/keystroke.ts` runs this section alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { printResults } = await import('./report');
  process.exitCode = printResults(await benchKeystroke()) ? 0 : 1;
}
