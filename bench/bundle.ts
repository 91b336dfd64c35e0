import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildApp, type BuiltChunk } from './build-app';
import { budgetLine, type BenchResult } from './report';

/** Budget: JavaScript loaded before first paint, gzip (issue 13: ≤ 100 kB). */
export const FIRST_PAINT_JS_BUDGET_KB = 100;

const MONACO_MODULE = /[\\/]node_modules[\\/]monaco-editor[\\/]/;

interface HtmlRefs {
  scripts: string[];
  modulePreloads: string[];
  stylesheets: string[];
  /** `rel="prefetch"`: fetched at the lowest priority for later, neither parsed nor run before first paint. */
  prefetches: string[];
}

/** What `index.html` loads by itself: module scripts, modulepreloads and stylesheets (paths relative to the build). */
export function htmlRefs(html: string): HtmlRefs {
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];
  const clean = (url: string) => url.replace(/^\.?\//, '').replace(/[?#].*$/, '');
  const refs: HtmlRefs = { scripts: [], modulePreloads: [], stylesheets: [], prefetches: [] };
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = attr(tag, 'src');
    if (src) refs.scripts.push(clean(src));
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = attr(tag, 'rel')?.toLowerCase().split(/\s+/) ?? [];
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel.includes('modulepreload')) refs.modulePreloads.push(clean(href));
    else if (rel.includes('stylesheet')) refs.stylesheets.push(clean(href));
    else if (rel.includes('prefetch')) refs.prefetches.push(clean(href));
  }
  return refs;
}

/** The chunks `roots` load before they run: themselves and everything they import statically, transitively. */
export function staticClosure(roots: readonly string[], chunks: readonly BuiltChunk[]): Set<string> {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of byName.get(file)?.imports ?? []) visit(next);
  };
  roots.forEach(visit);
  return seen;
}

const kB = (bytes: number) => bytes / 1000;

/** The app's own modules in a chunk (file names, at most six), or its packages. */
function appModules(c: BuiltChunk): string {
  const own = c.moduleIds.filter((id) => !/[\\/]node_modules[\\/]/.test(id) && !id.startsWith('\0')).map((id) => basename(id));
  const packages = [...new Set(c.moduleIds.map((id) => /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id)?.[1]).filter(Boolean))];
  const names = own.length ? own : packages;
  return names.length > 6 ? `${names.slice(0, 6).join(', ')} and ${names.length - 6} more` : names.join(', ') || '(no modules)';
}
const fmt = (bytes: number) => `${kB(bytes).toFixed(1)} kB`;

export async function benchBundle(): Promise<BenchResult[]> {
  const app = await buildApp();
  const file = (name: string) => readFileSync(join(app.outDir, name));
  const sizes = (name: string) => {
    const raw = file(name);
    return { raw: raw.length, gzip: gzipSync(raw).length };
  };
  const html = file('index.html').toString('utf8');
  const refs = htmlRefs(html);

  const firstPaintJs = [...staticClosure([...refs.scripts, ...refs.modulePreloads], app.chunks)];
  const jsRows = firstPaintJs.map((name) => ({ name, ...sizes(name) }));
  const cssRows = refs.stylesheets.map((name) => ({ name, ...sizes(name) }));
  const jsGzip = jsRows.reduce((n, r) => n + r.gzip, 0);
  const cssGzip = cssRows.reduce((n, r) => n + r.gzip, 0);

  const monacoChunks = app.chunks.filter((c) => c.moduleIds.some((id) => MONACO_MODULE.test(id)));
  const monacoAssets = app.assets.filter((a) => /editor\.worker.*\.js$|monaco.*\.css$|codicon.*\.ttf$/.test(a));
  const firstPaint = new Set(firstPaintJs);
  const inFirstPaint = monacoChunks.filter((c) => firstPaint.has(c.fileName) || html.includes(c.fileName));
  const appModulesInMonaco = monacoChunks.flatMap((c) => c.moduleIds.filter((id) => !/[\\/]node_modules[\\/]/.test(id) && !id.startsWith('\0')));
  const lazy = app.chunks.filter((c) => !firstPaint.has(c.fileName) && !monacoChunks.includes(c));

  const row = (r: { name: string; raw: number; gzip: number }) => `${r.name} ${fmt(r.raw)} (gzip ${fmt(r.gzip)})`;

  // What the entry fetches at once with import() (the editor: React and the forms), with its static imports.
  const entryImports = app.chunks.filter((c) => firstPaint.has(c.fileName)).flatMap((c) => c.dynamicImports);
  const editorJs = [...staticClosure(entryImports, app.chunks)].filter((f) => !firstPaint.has(f));
  const editorRows = editorJs.map((name) => ({ name, ...sizes(name) }));
  const editorGzip = editorRows.reduce((n, r) => n + r.gzip, 0);
  const monacoPass = monacoChunks.length > 0 && inFirstPaint.length === 0;
  const monacoRows = monacoChunks.map((c) => {
    const s = sizes(c.fileName);
    const from = app.chunks.filter((x) => x.dynamicImports.includes(c.fileName)).map((x) => x.fileName);
    return `${row({ name: c.fileName, ...s })}, ${c.moduleIds.filter((id) => MONACO_MODULE.test(id)).length} Monaco modules, ${c.isDynamicEntry ? `dynamic import from ${from.join(', ') || '?'}` : 'NOT a dynamic entry'}${appModulesInMonaco.length ? `, with the app's ${appModulesInMonaco.map((id) => basename(id)).join(', ')}` : ''}`;
  });

  return [
    {
      name: 'JavaScript loaded before first paint (index.html scripts + modulepreloads + their static imports)',
      figures: [...jsRows.map(row), `total gzip ${fmt(jsGzip)} (gzip level 6; 1 kB = 1000 bytes)`].join('\n    '),
      budget: budgetLine('first-paint JavaScript (gzip)', kB(jsGzip), FIRST_PAINT_JS_BUDGET_KB, 'kB'),
    },
    {
      name: "the editor, fetched by the entry's import() while the first paint is written (with its static imports)",
      figures:
        [
          ...editorRows.map((r) => `${row(r)}${refs.prefetches.includes(r.name) ? ' — prefetched by index.html (lowest priority, not run before first paint)' : ''}`),
          `total gzip ${fmt(editorGzip)}`,
        ].join('\n    ') || 'none',
      budget: null,
    },
    {
      name: 'CSS loaded before first paint (index.html stylesheets)',
      figures: [...cssRows.map(row), `total gzip ${fmt(cssGzip)}`].join('\n    '),
      budget: null,
    },
    {
      name: 'Monaco',
      figures: [
        ...(monacoRows.length ? monacoRows : ['no chunk contains monaco-editor modules']),
        ...monacoAssets.map((a) => `asset ${row({ name: a, ...sizes(a) })}`),
      ].join('\n    '),
      budget: {
        pass: monacoPass,
        line: monacoPass
          ? `PASS Monaco is in its own lazy chunk (${monacoChunks.map((c) => c.fileName).join(', ')}), not loaded by index.html`
          : monacoChunks.length === 0
            ? 'FAIL Monaco is in its own lazy chunk: no chunk with monaco-editor modules was found'
            : `FAIL Monaco is in its own lazy chunk: loaded before first paint in ${inFirstPaint.map((c) => c.fileName).join(', ')}`,
      },
    },
    {
      name: 'other lazy chunks (import() from the chunks named; not loaded before first paint)',
      figures:
        lazy
          .filter((c) => !editorJs.includes(c.fileName))
          .map((c) => {
            const from = app.chunks.filter((x) => x.dynamicImports.includes(c.fileName)).map((x) => x.fileName);
            const needs = c.imports.filter((f) => !firstPaint.has(f));
            return `${row({ name: c.fileName, ...sizes(c.fileName) })}${from.length ? `, import() from ${from.join(', ')}` : c.isDynamicEntry ? '' : ', shared'}${needs.length ? `, with ${needs.join(', ')}` : ''}: ${appModules(c)}`;
          })
          .join('\n    ') || 'none',
      budget: null,
    },
  ];
}

// `npx tsx bench/bundle.ts` runs this section alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { printResults } = await import('./report');
  process.exitCode = printResults(await benchBundle()) ? 0 : 1;
}
