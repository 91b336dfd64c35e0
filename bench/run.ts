import { benchBundle } from './bundle';
import { benchCli } from './cli';
import { benchGenerate } from './generate';
import { benchImport } from './import';
import { benchKeystroke } from './keystroke';
import { benchLighthouse } from './lighthouse';
import { benchOptions } from './options';
import { printResults, type BenchResult } from './report';
import { benchResponsive } from './responsive';
import { benchUsers } from './users';

/** `npm run bench`: prints figures and a PASS/FAIL line per budget; exits 1 when a budget fails. */
const sections: [string, () => BenchResult[] | Promise<BenchResult[]>][] = [
  ['Generator', benchGenerate],
  ['Command line: the built program against nix-instantiate --parse, whole processes', benchCli],
  ['Import', benchImport],
  ['Production bundle', benchBundle],
  ['Keystroke → preview latency (Chromium)', benchKeystroke],
  ['Option catalog: sizes, completion per keystroke (Node and Chromium), precache', benchOptions],
  ['One specialisation of 2,000 and 20,000 users (Node and Chromium)', benchUsers],
  ['Main thread while refusing bad files (Chromium)', benchResponsive],
  ['Lighthouse (production build, system Chromium)', benchLighthouse],
];

let ok = true;
for (const [title, run] of sections) {
  console.log(`\n== ${title}`);
  ok = printResults(await run()) && ok;
}
console.log(ok ? '\nAll budgets met.' : '\nSome budgets were missed.');
process.exitCode = ok ? 0 : 1;
