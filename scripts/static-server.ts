import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ServedRequest {
  /** The request's path and query, as the browser sent it. */
  url: string;
  status: number;
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The app's address: origin + prefix. */
  url: string;
  /** Every request the server answered, in order. */
  requests: ServedRequest[];
  close(): Promise<void>;
}

/**
 * Serves the files of `root` (e.g. `dist/`) under `prefix` (e.g. `/sub/path/`) on 127.0.0.1 and a free port,
 * the way a static host serves a project page: anything outside the prefix is a 404, `/sub/path` redirects
 * to `/sub/path/`, and a folder serves its `index.html`.
 */
export interface ServeOptions {
  /**
   * Serve as a production host does, for measurements such as Lighthouse: gzip text, and cache
   * hashed assets for a year (the default, for tests, is `no-store` and no compression).
   */
  likeAHost?: boolean;
}

export async function serveStatic(root: string, prefix = '/', options: ServeOptions = {}): Promise<StaticServer> {
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) throw new Error(`prefix must start and end with "/": ${prefix}`);
  const base = resolve(root);
  const requests: ServedRequest[] = [];

  const server = createServer((req, res) => {
    const send = (status: number, body: string | Buffer, headers: Record<string, string> = {}) => {
      requests.push({ url: req.url ?? '', status });
      let cache = 'no-store';
      if (options.likeAHost) {
        cache = /\/assets\//.test(req.url ?? '') ? 'public, max-age=31536000, immutable' : 'no-cache';
        const type = headers['content-type'] ?? '';
        if (status === 200 && /gzip/.test(String(req.headers['accept-encoding'])) && /text|json|svg|javascript/.test(type)) {
          headers = { ...headers, 'content-encoding': 'gzip' };
          body = gzipSync(body);
        }
      }
      res.writeHead(status, { 'cache-control': cache, ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
      if (`${path}/` === prefix) return send(301, '', { location: prefix });
      if (!path.startsWith(prefix)) return send(404, `not found (outside ${prefix}): ${path}`);
      let file = resolve(join(base, path.slice(prefix.length)));
      if (file !== base && !file.startsWith(base + sep)) return send(403, 'forbidden');
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file);
        send(200, body, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      } catch {
        send(404, `not found: ${path}`);
      }
    })();
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${prefix}`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
