import { importNix } from '../src/nixos/import/import-nix';
import { parseNix } from '../src/nix/syntax/parse';
import { buildLargeConfiguration } from './parse.bench-data';
import { budgetLine, median, percentile, type BenchResult } from './report';
import { corpusShare, importCorpus, TYPED_SHARE_REQUIRED } from '../src/test/import-corpus';

const BUDGET_MS = 100;
/** Parsing alone (was a time bound in src/nix/syntax/parse.test.ts; typical is ~10 ms). */
const PARSE_BUDGET_MS = 50;

function times(fn: () => void, runs: number): number[] {
  for (let i = 0; i < 3; i++) fn(); // warm up the JIT
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** Importing a 5,000-line configuration.nix — parse, read every specialisation, keep the rest as Nix — within budget. */
export function benchImport(): BenchResult[] {
  const text = buildLargeConfiguration(5000);
  const lines = text.split('\n').length;
  const first = importNix(text);
  if (!first.ok) throw new Error(`the benchmark configuration did not import: ${first.error.message}`);
  const all = times(() => importNix(text), 21);
  const parses = times(() => parseNix(text), 11);
  const parse = median(parses);
  const specs = first.project.specialisations.length;
  const kept = first.report.specialisations.reduce((n, s) => n + s.kept.length, 0);
  const rows = first.project.specialisations.reduce((n, s) => n + s.settings.length, 0);
  const corpus = importCorpus();
  const share = corpusShare(corpus);
  const pass = share.share >= TYPED_SHARE_REQUIRED;
  return [
    {
      name: `settings of the import corpus (${corpus.length} real-world-style files) in form fields or typed rows`,
      figures: `${share.typed} of ${share.total} settings (${(100 * share.share).toFixed(1)} %); the rest stays Nix`,
      budget: { pass, line: `${pass ? 'PASS' : 'FAIL'} settings in typed fields: ${(100 * share.share).toFixed(1)} % (required ≥ ${TYPED_SHARE_REQUIRED * 100} %)` },
    },
    {
      name: `import a ${lines}-line configuration.nix (${specs} specialisations, ${rows} setting rows, ${kept} settings kept as Nix)`,
      figures: `median ${median(all).toFixed(2)} ms (of which parsing ${parse.toFixed(2)} ms), fastest ${Math.min(...all).toFixed(2)} ms, p90 ${percentile(all, 90).toFixed(2)} ms`,
      budget: budgetLine('5,000-line configuration imports (median)', median(all), BUDGET_MS, 'ms'),
    },
    {
      name: `parse a ${lines}-line configuration.nix`,
      figures: `median ${parse.toFixed(2)} ms, fastest ${Math.min(...parses).toFixed(2)} ms, p90 ${percentile(parses, 90).toFixed(2)} ms`,
      budget: budgetLine('5,000-line configuration parses (median)', parse, PARSE_BUDGET_MS, 'ms'),
    },
  ];
}
