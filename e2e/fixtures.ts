import { test as base, expect } from '@playwright/test';

export { expect };

type Fixtures = {
  /** Console errors and uncaught page errors seen during the test. */
  consoleErrors: string[];
  /** Requests to any origin other than the app's own; the test fails if this is not empty at the end. */
  foreignRequests: string[];
};

const alwaysAllowed = ['data:', 'blob:'];

export const test = base.extend<Fixtures>({
  consoleErrors: [
    async ({ page }, use, testInfo) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      await use(errors);
      if (errors.length > 0) {
        await testInfo.attach('console-errors', { body: errors.join('\n'), contentType: 'text/plain' });
      }
    },
    { auto: true },
  ],

  foreignRequests: [
    async ({ context, baseURL }, use) => {
      let ownOrigin = baseURL ? new URL(baseURL).origin : undefined;
      const foreign: string[] = [];
      const isForeign = (url: URL) => {
        if (alwaysAllowed.includes(url.protocol)) return false;
        // Without a baseURL, the first page the test opens defines the app's origin.
        ownOrigin ??= url.origin;
        return url.origin !== ownOrigin;
      };
      context.on('request', (request) => {
        if (isForeign(new URL(request.url()))) foreign.push(request.url());
      });
      context.on('page', (page) =>
        page.on('websocket', (socket) => {
          if (isForeign(new URL(socket.url()))) foreign.push(socket.url());
        }),
      );
      // Recorded above, then stopped here: a test never reaches past this machine.
      await context.route(isForeign, (route) => route.abort('blockedbyclient'));
      await use(foreign);
      expect(foreign, `requests to origins other than ${ownOrigin}`).toEqual([]);
    },
    { auto: true },
  ],
});
