// `npm run screenshot`: builds the app, serves it with `vite preview` on a free port, takes the README's
// screenshots (scripts/screenshot-readme.ts, the phone's scripts/screenshot-phone.ts, and one each of the Compare tab,
// the patch view and the boot menu designer) and stops the server.
import { createServer } from 'node:net';
import { build, preview } from 'vite';
import { takeBootMenuScreenshot } from './screenshot-boot-menu';
import { takeCompareScreenshot } from './screenshot-compare';
import { takePatchScreenshot } from './screenshot-patch';
import { takePhoneScreenshot } from './screenshot-phone';
import { README_SCREENSHOT, takeReadmeScreenshot } from './screenshot-readme';

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

await build({ logLevel: 'error' });
const port = await freePort();
const server = await preview({ preview: { port, strictPort: true, host: '127.0.0.1', open: false }, logLevel: 'warn' });
try {
  await takeReadmeScreenshot(`http://127.0.0.1:${port}/`, process.argv[2] ?? README_SCREENSHOT);
  await takePhoneScreenshot(`http://127.0.0.1:${port}/`);
  await takeCompareScreenshot(`http://127.0.0.1:${port}/`);
  await takePatchScreenshot(`http://127.0.0.1:${port}/`);
  await takeBootMenuScreenshot(`http://127.0.0.1:${port}/`);
} finally {
  await server.close();
}
