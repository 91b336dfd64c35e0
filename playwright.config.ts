import { availableParallelism } from 'node:os';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium';

const port = 4173;
const baseURL = `http://127.0.0.1:${port}`;

/**
 * Sized to the machine: each worker drives a Chromium of several busy processes, so one worker per two cores (one
 * on a 2-core machine, where two made the editor's reload, Monaco's late load and axe time out). CI: one.
 */
const workers = process.env.CI ? 1 : Math.max(1, Math.floor(availableParallelism() / 2));

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers,
  // For a loaded machine (npm test while another runs), not an idle one; slow steps (reload, Monaco's late load,
  // axe) add time of their own on top (e2e/slow-steps.ts).
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  use: {
    baseURL,
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    navigationTimeout: 60_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumLaunchOptions(),
      },
    },
  ],
  webServer: {
    command: `npm run build && npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
