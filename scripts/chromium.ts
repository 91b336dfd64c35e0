import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

const systemChromium = '/usr/bin/chromium';

// A system Chromium (e.g. Debian's) run as root on a closed network needs these to start quietly.
const systemChromiumArgs = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Which Chromium to launch: `CHROMIUM_PATH` if set, else `/usr/bin/chromium` if present, else Playwright's own
 * downloaded browser (no `executablePath`).
 */
export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath = process.env.CHROMIUM_PATH || (existsSync(systemChromium) ? systemChromium : undefined);
  if (!executablePath) return {};
  const asRoot = process.getuid?.() === 0;
  return {
    executablePath,
    args: [...(asRoot ? ['--no-sandbox'] : []), ...systemChromiumArgs],
  };
}
