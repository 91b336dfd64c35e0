import type { Plugin } from 'vite';

/**
 * `<link rel="prefetch">` for the editor's chunk (src/app/main.tsx, which the page's entry loads with import()), so
 * that it downloads at the browser's lowest priority beside the first paint's files instead of only after the entry
 * has run. Prefetched files are neither parsed nor run: the first paint's JavaScript stays the entry's
 * (bench/bundle.ts lists the prefetched chunk apart). Build only: the dev server has no chunks.
 */
export function prefetchEditor(entry = 'src/app/main.tsx'): Plugin {
  return {
    name: 'studio-prefetch-editor',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.facadeModuleId?.replaceAll('\\', '/').endsWith(entry),
        );
        if (!chunk) throw new Error(`prefetch-editor: no chunk for ${entry} in the build`);
        return [{ tag: 'link', attrs: { rel: 'prefetch', href: `./${chunk.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}
