import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { serveStatic } from '../scripts/static-server';
import { optionCompletions } from '../src/features/options/option-paths';
import { optionPathItems } from '../src/features/monaco/option-completion';
import { RELEASES, type Release } from '../src/model/types';
import { indexCatalog } from '../src/nixos/options/lookup';
import type { ReleaseOptionCatalog } from '../src/nixos/options/types';
import { buildApp, repoRoot } from './build-app';
import { launchChromium } from './keystroke';
import { budgetLine, median, percentile, type BenchResult } from './report';

/** Budget: option paths for what is typed, per keystroke (issue 10). */
export const COMPLETION_BUDGET_MS = 50;
/** Budget: one release's catalog, gzip (docs/option-catalog.md). */
export const CATALOG_GZIP_BUDGET_KB = 300;

/** Long paths typed a character at a time; names of the user's own (`backup`, `chani`) where the catalog has `<name>`. */
const PATHS = [
  'services.displayManager.sddm.wayland.enable',
  'hardware.nvidia.prime.offload.enableOffloadCmd',
  'boot.initrd.availableKernelModules',
  'networking.networkmanager.wifi.backend',
  'systemd.services.backup.serviceConfig',
  'users.users.chani.extraGroups',
];
/** Suggestions a row shows at once (settings-section.tsx). */
const ROW_LIMIT = 12;
const ROUNDS = 5;
const CHROMIUM_WARM_UP = 20;

const optionsDir = join(repoRoot, 'public', 'options');
const readCatalog = (release: Release) => JSON.parse(readFileSync(join(optionsDir, `${release}.json`), 'utf8')) as ReleaseOptionCatalog;
const ms = (x: number) => `${x.toFixed(3)} ms`;
const summary = (v: number[]) => `p50 ${ms(median(v))}, p95 ${ms(percentile(v, 95))}, max ${ms(Math.max(...v))}`;
const prefixes = (path: string) => Array.from({ length: path.length }, (_, i) => path.slice(0, i + 1));

/** The gzip size of each release's catalog, each within its budget. */
function benchSizes(): BenchResult[] {
  const files = readdirSync(optionsDir).filter((f) => f.endsWith('.json'));
  const rows = files.map((f) => {
    const raw = readFileSync(join(optionsDir, f));
    return { release: f.replace(/\.json$/, ''), raw: raw.length, gzip: gzipSync(raw).length };
  });
  const largest = rows.reduce((a, b) => (b.gzip > a.gzip ? b : a));
  const total = rows.reduce((n, r) => n + r.gzip, 0);
  return [
    {
      name: `option catalogs (public/options, ${rows.length} releases), each fetched alone when a project of that release has a setting row`,
      figures: [
        ...rows.map((r) => `${r.release}: ${(r.raw / 1000).toFixed(1)} kB, gzip ${(r.gzip / 1000).toFixed(1)} kB`),
        `all together gzip ${(total / 1000).toFixed(1)} kB (not one download: a project needs one release)`,
      ].join('\n    '),
      budget: budgetLine(`largest catalog gzip (${largest.release})`, largest.gzip / 1000, CATALOG_GZIP_BUDGET_KB, 'kB'),
    },
  ];
}

/** completions() for every prefix of the paths, every release: the row's query (12) and Monaco's (100 items). */
function benchNode(): BenchResult[] {
  const build: number[] = [];
  const row: number[] = [];
  const editor: number[] = [];
  for (const release of RELEASES) {
    const catalog = readCatalog(release);
    let t = performance.now();
    const index = indexCatalog(catalog);
    build.push(performance.now() - t);
    for (let round = 0; round < ROUNDS; round++)
      for (const path of PATHS)
        for (const prefix of prefixes(path)) {
          t = performance.now();
          optionCompletions(index, prefix, ROW_LIMIT);
          row.push(performance.now() - t);
          t = performance.now();
          optionPathItems(index, prefix);
          editor.push(performance.now() - t);
        }
  }
  const worst = Math.max(...row, ...editor);
  return [
    {
      name: `option path completion in Node, ${PATHS.length} long paths typed a character at a time (${row.length / RELEASES.length / ROUNDS} keystrokes) × ${ROUNDS} rounds × ${RELEASES.length} releases`,
      figures: [
        `setting row (12 suggestions): ${summary(row)}`,
        `Nix editor (up to 100 items):  ${summary(editor)}`,
        `index built once per catalog: ${summary(build)}`,
        `${availableParallelism()} CPUs, load average ${loadavg()[0].toFixed(2)}`,
      ].join('\n    '),
      budget: budgetLine('completion per keystroke in Node, max', worst, COMPLETION_BUDGET_MS, 'ms'),
    },
  ];
}

interface Probe {
  arm(typed: string): void;
  result: Promise<number> | null;
}
declare global {
  interface Window {
    __optionsProbe?: Probe;
  }
}

/**
 * Runs in the page before the app. For each armed keystroke: t0 is the keydown's timestamp; the check runs when the
 * input event has bubbled up to window, after React's listener on its root rendered the row and its suggestions
 * (typing is a discrete event, rendered at once). It takes the time when the focused input holds the typed text and
 * its list shows only paths that start with it (or none); otherwise it checks again each frame.
 */
const PROBE_SCRIPT = `(() => {
  let armed = null;
  let typing = null;
  const fresh = (p) => {
    const input = document.activeElement;
    if (!input || input.value !== p.typed) return false;
    const list = document.getElementById(input.getAttribute('aria-controls') || '');
    if (!list || list.hidden) return true;
    return [...list.querySelectorAll('.suggest-value')].every((o) => o.textContent.startsWith(p.typed));
  };
  const check = (p) => {
    const t = performance.now();
    if (fresh(p)) p.resolve(t - p.t0);
    else requestAnimationFrame(() => check(p));
  };
  window.addEventListener('keydown', (e) => {
    const p = armed;
    if (!p) return;
    armed = null;
    const now = performance.now();
    p.t0 = e.timeStamp > 0 && e.timeStamp <= now ? e.timeStamp : now;
    typing = p;
  }, { capture: true });
  window.addEventListener('input', () => {
    const p = typing;
    if (!p) return;
    typing = null;
    check(p);
  });
  window.__optionsProbe = {
    result: null,
    arm(typed) {
      this.result = new Promise((resolve) => { armed = { typed, t0: null, resolve }; });
    },
  };
})();`;

async function typePath(page: Page, input: ReturnType<Page['getByLabel']>, path: string, samples: number[] | null) {
  await input.fill('');
  for (const prefix of prefixes(path)) {
    await page.evaluate((typed) => window.__optionsProbe!.arm(typed), prefix);
    await page.keyboard.type(prefix[prefix.length - 1]);
    const t = await page.evaluate(() => window.__optionsProbe!.result!);
    samples?.push(t);
  }
}

/** Typing the paths into a setting row's option path in the production build: keydown → row and suggestions rendered. */
async function benchChromium(): Promise<BenchResult[]> {
  const name = `option path completion in Chromium: ${PATHS.length} long paths typed into a setting row's option path, ${ROUNDS} rounds`;
  const browser = await launchChromium();
  if (typeof browser === 'string') return [{ name, figures: `skipped: ${browser}`, budget: null }];
  const app = await buildApp();
  const server = await serveStatic(app.outDir, '/');
  const load = loadavg()[0].toFixed(2);
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
    await context.addInitScript(PROBE_SCRIPT);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Add a blank specialisation' }).click();
    await page.getByRole('region', { name: 'Other settings' }).getByRole('button', { name: 'Add setting', exact: true }).click();
    const input = page.getByLabel('Option path of setting 1');
    await input.focus();
    // The catalog has loaded once the first letter gets suggestions.
    await page.keyboard.type('s');
    await page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option').first().waitFor({ timeout: 60_000 });
    const warm: number[] = [];
    while (warm.length < CHROMIUM_WARM_UP) await typePath(page, input, PATHS[0], warm);
    const samples: number[] = [];
    for (let round = 0; round < ROUNDS; round++) for (const path of PATHS) await typePath(page, input, path, samples);
    await context.close();
    return [
      {
        name,
        figures: [
          `keystroke → row and suggestions rendered: ${summary(samples)}`,
          `${samples.length} keystrokes after ${warm.length} warm-up; ${availableParallelism()} CPUs, load average ${load} when it started`,
        ].join('\n    '),
        budget: budgetLine('completion per keystroke in Chromium, p95', percentile(samples, 95), COMPLETION_BUDGET_MS, 'ms'),
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The build's precache leaves the option catalogs out: a visit downloads the one its project needs, not ten. */
async function benchPrecache(): Promise<BenchResult[]> {
  const app = await buildApp();
  const sw = readFileSync(join(app.outDir, 'sw.js'), 'utf8');
  const listed = [...sw.matchAll(/"(?:url)"\s*:\s*"([^"]+)"|url:\s*"([^"]+)"/g)].map((m) => m[1] ?? m[2]);
  const catalogs = listed.filter((u) => u.startsWith('options/'));
  const pass = listed.length > 0 && catalogs.length === 0;
  return [
    {
      name: 'service worker precache (sw.js of the production build)',
      figures: `${listed.length} files precached; option catalogs among them: ${catalogs.length ? catalogs.join(', ') : 'none'} (each is cached when first fetched)`,
      budget: {
        pass,
        line: `${pass ? 'PASS' : 'FAIL'} the precache lists no option catalog (${catalogs.length} of ${listed.length} files${listed.length ? '' : ': no precache list found'})`,
      },
    },
  ];
}

/** `npm run bench`'s option catalog section. First-load JavaScript stays in bench/bundle.ts's budget. */
export async function benchOptions(): Promise<BenchResult[]> {
  return [...benchSizes(), ...benchNode(), ...(await benchPrecache()), ...(await benchChromium())];
}

// `npx tsx bench/options.ts` runs this section alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { printResults } = await import('./report');
  process.exitCode = printResults(await benchOptions()) ? 0 : 1;
}
