import type AxeBuilder from '@axe-core/playwright';
import { test, type Page } from '@playwright/test';

/**
 * The time of the slow steps, for a loaded 2-core machine (npm test while another runs), not an idle one. Each is
 * added to the test's own timeout when the step runs (`allowFor`), so a test with several of them is not cut short.
 */
export const SLOW = {
  /** A reload of the app (its service worker and lazy parts) until its load event. */
  reload: 60_000,
  /** Monaco loads at the first interaction or after a quiet start (about 5 s), then the preview fills. */
  monaco: 45_000,
  /** One axe analysis of the whole page. */
  axe: 60_000,
} as const;

/** Gives the running test `ms` more time, for a slow step it is about to take. */
export function allowFor(ms: number): void {
  const info = test.info();
  if (info.timeout > 0) info.setTimeout(info.timeout + ms);
}

/** axe's violations on the page (or the part the builder includes), with time of their own for the analysis. */
export async function axeViolations(builder: AxeBuilder): Promise<Awaited<ReturnType<AxeBuilder['analyze']>>['violations']> {
  allowFor(SLOW.axe);
  return (await builder.analyze()).violations;
}

/** Reloads the page, with time of its own for the reload. */
export async function reload(page: Page): Promise<void> {
  allowFor(SLOW.reload);
  await page.reload({ timeout: SLOW.reload });
}
