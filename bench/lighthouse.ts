import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumLaunchOptions } from '../scripts/chromium';
import { buildApp } from './build-app';
import type { BenchResult } from './report';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
};

/** Serves a build the way a static host does: gzip, and long caching for hashed assets. */
async function serveLikeAHost(root: string) {
  const base = resolve(root);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = resolve(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    const body = readFileSync(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const hashed = /\/assets\//.test(path);
    const headers: Record<string, string> = {
      'content-type': type,
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    const compress = /gzip/.test(String(req.headers['accept-encoding'])) && /text|json|svg|javascript/.test(type);
    res.writeHead(200, compress ? { ...headers, 'content-encoding': 'gzip' } : headers);
    res.end(compress ? gzipSync(body) : body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
export const LIGHTHOUSE_BUDGET = 95;

/** Lighthouse on the production build with the system Chromium: each category against ≥ 95, mobile and desktop. */
export async function benchLighthouse(): Promise<BenchResult[]> {
  const launch = chromiumLaunchOptions();
  if (!launch.executablePath)
    return [{ name: 'Lighthouse', figures: 'skipped: no system Chromium (set CHROMIUM_PATH)', budget: null }];
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
  const chromeLauncher = await import('chrome-launcher');
  const app = await buildApp();
  const site = await serveLikeAHost(app.outDir);
  const chrome = await chromeLauncher.launch({
    chromePath: launch.executablePath,
    chromeFlags: ['--headless=new', ...(launch.args ?? [])],
  });
  const out: BenchResult[] = [];
  try {
    for (const [formFactor, config] of [['mobile', undefined], ['desktop', desktopConfig]] as const) {
      const result = await lighthouse(site.url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] }, config);
      const lhr = result!.lhr;
      for (const c of CATEGORIES) {
        const score = Math.round((lhr.categories[c]?.score ?? 0) * 100);
        const failing = Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 0.9 && lhr.categories[c]?.auditRefs.some((r) => r.id === a.id && r.weight > 0))
          .map((a) => a.id);
        out.push({
          name: `Lighthouse ${c} (${formFactor})`,
          figures: `score ${score}${failing.length ? `; audits below 90: ${failing.join(', ')}` : ''}${c === 'performance' ? `; LCP ${lhr.audits['largest-contentful-paint']?.displayValue}, TBT ${lhr.audits['total-blocking-time']?.displayValue}` : ''}`,
          budget: {
            pass: score >= LIGHTHOUSE_BUDGET,
            line: `${score >= LIGHTHOUSE_BUDGET ? 'PASS' : 'FAIL'} ${c} (${formFactor}): ${score} (budget ≥ ${LIGHTHOUSE_BUDGET})`,
          },
        });
      }
    }
  } finally {
    chrome.kill();
    await site.close();
  }
  return out;
}
