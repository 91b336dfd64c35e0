import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** One JavaScript chunk of the production build. */
export interface BuiltChunk {
  fileName: string;
  isEntry: boolean;
  isDynamicEntry: boolean;
  /** Chunks this one imports statically (loaded before it runs). */
  imports: string[];
  dynamicImports: string[];
  /** Source modules bundled into it (absolute paths, node_modules included). */
  moduleIds: string[];
}

export interface BuiltApp {
  /** A production build (`vite build` with the project's config) in a folder of its own. */
  outDir: string;
  chunks: BuiltChunk[];
  /** Every other emitted file (CSS, fonts, workers, source maps, index.html). */
  assets: string[];
}

let once: Promise<BuiltApp> | null = null;

/**
 * Builds the app once per `npm run bench`, into a temporary folder (removed at exit) so that `dist/`, which a
 * running `vite preview` or Playwright may be serving, is left alone.
 */
export function buildApp(): Promise<BuiltApp> {
  once ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'studio-bench-dist-'));
    process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
    const result = await build({ root: repoRoot, logLevel: 'error', build: { outDir, emptyOutDir: true } });
    const outputs = (Array.isArray(result) ? result : [result]) as { output?: unknown[] }[];
    const chunks: BuiltChunk[] = [];
    const assets: string[] = [];
    for (const item of outputs.flatMap((o) => o.output ?? []) as Record<string, unknown>[]) {
      if (item.type === 'chunk')
        chunks.push({
          fileName: item.fileName as string,
          isEntry: !!item.isEntry,
          isDynamicEntry: !!item.isDynamicEntry,
          imports: (item.imports as string[]) ?? [],
          dynamicImports: (item.dynamicImports as string[]) ?? [],
          moduleIds: (item.moduleIds as string[] | undefined) ?? Object.keys((item.modules as object) ?? {}),
        });
      else assets.push(item.fileName as string);
    }
    if (chunks.length === 0) throw new Error('vite build returned no chunks');
    return { outDir, chunks, assets };
  })();
  return once;
}
