#!/usr/bin/env node
// `npm run generate|import|patch`: the built program (dist-cli/, made by `npm ci` or `npm run build:cli`)
// when it is up to date with its sources; otherwise the TypeScript sources through tsx, in this
// process, so a tree being edited runs what it holds.
import { pathToFileURL } from 'node:url';
import { freshBuild } from './build-cli.mjs';

const built = freshBuild();
if (built) {
  // The program reads process.argv as `node <file> <command> …`: the same shape as here.
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
