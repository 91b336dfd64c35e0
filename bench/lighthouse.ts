import { chromiumLaunchOptions } from '../scripts/chromium';
import { serveStatic } from '../scripts/static-server';
import { buildApp } from './build-app';
import type { BenchResult } from './report';

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
  const site = await serveStatic(app.outDir, '/', { likeAHost: true });
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
