import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildCli, ensureProgram } from '../scripts/build-cli.mjs';
import { projectFileText } from '../src/model/project-file';
import { generate } from '../src/nixos/generate';
import { bigProject } from './generate';
import { validate } from '../src/nixos/validate';
import { budgetLine, median, type BenchResult } from './report';

/**
 * Issue 13: the built command-line program against real Nix, whole processes on both sides, in
 * turns (A B C A B C …) so that load on the machine falls on every side alike; medians.
 * Seed project: `node dist-cli/… generate` at most 2.5× `nix-instantiate --parse` of its output.
 * 1,000 specialisations × 10 users: the generate command's work (read, parse, validate, generate) in a
 * fresh process at most 1.0× `nix-instantiate --parse` of the output (0.5× is the aim, reported).
 */
const SEED_LIMIT = 2.5;
const BIG_LIMIT = 1.0;
const BIG_AIM = 0.5;
const SEED_RUNS = 15;
const BIG_RUNS = 7;
const WARM_RUNS = 5;

const root = join(import.meta.dirname, '..');
const SEED = 'examples/seed-chani-paul.json';

/**
 * The environment of every measured process, without NODE_EXTRA_CA_CERTS: set, it makes each Node
 * process read that certificate bundle as it starts (some 40 ms here), whatever the program, and
 * the command line makes no TLS connection. A run with it as given is reported beside.
 */
const CA_VARIABLE = 'NODE_EXTRA_CA_CERTS';
const measuredEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== CA_VARIABLE));

const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
/**
 * CPU time (user + system, ms) of the child processes this one has waited for, from /proc/self/stat
 * (Linux; null elsewhere). Counted in clock ticks (10 ms), so it is summed over runs, not taken per run.
 */
function childrenCpu(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3 of proc(5)
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND; // cutime, cstime
  } catch {
    return null;
  }
}

interface Sample {
  wall: number;
  cpu: number | null;
}
/** One process, from spawn to exit: wall-clock and CPU milliseconds; throws unless it exits 0. */
function wall(command: string, args: string[], options: SpawnSyncOptions = {}): Sample {
  const cpu = childrenCpu();
  const t = performance.now();
  const r = spawnSync(command, args, { cwd: root, env: measuredEnv, stdio: ['ignore', 'ignore', 'pipe'], ...options });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status ?? r.signal}: ${String(r.stderr)}`);
  const after = childrenCpu();
  return { wall: ms, cpu: cpu === null || after === null ? null : after - cpu };
}

/** Each command `runs` times, in turns, after one unmeasured round (disk cache); the samples of each. */
function inTurns(commands: Record<string, () => Sample>, runs: number): Record<string, Sample[]> {
  const entries = Object.entries(commands);
  const samples: Record<string, Sample[]> = Object.fromEntries(entries.map(([k]) => [k, []]));
  for (let i = -1; i < runs; i++)
    for (const [k, run] of entries) {
      const sample = run();
      if (i >= 0) samples[k].push(sample);
    }
  return samples;
}

const wallMedian = (samples: Sample[]) => median(samples.map((s) => s.wall));
/** Mean CPU time per run (the ticks add up over the runs), or null. */
const cpuMean = (samples: Sample[]) =>
  samples.some((s) => s.cpu === null) ? null : samples.reduce((sum, s) => sum + s.cpu!, 0) / samples.length;
const load = () => `load average ${loadavg()[0].toFixed(2)} on ${availableParallelism()} CPUs`;

interface ChildTimes<T> {
  cold: T;
  warm: T[];
}
/** One fresh process of bench/cli-child.ts (bundled like the program). */
function child<T>(bundle: string, mode: 'command' | 'phases', file: string, warmRuns: number): ChildTimes<T> {
  const r = spawnSync(process.execPath, [bundle, mode, file, String(warmRuns)], { cwd: root, env: measuredEnv, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench child ${mode} ${file} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ChildTimes<T>;
}

type Phases = { read: number; parse: number; validate: number; generate: number };
const PHASES = ['read', 'parse', 'validate', 'generate'] as const;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
const phaseLine = (list: Phases[]) => PHASES.map((p) => `${p} ${ms(median(list.map((x) => x[p])))}`).join(', ');

export async function benchCli(): Promise<BenchResult[]> {
  const program = await ensureProgram();
  const cli = relative(root, program);
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  try {
    const childBundle = join(dir, 'cli-child.cjs');
    // Built as the program is: its code cache made by one run of the generate command on the seed example.
    await buildCli({ entry: join(root, 'bench/cli-child.ts'), outfile: childBundle, cacheRun: ['command', join(root, SEED), '0'] });
    const hasNix = spawnSync('nix-instantiate', ['--version']).status === 0;
    const out: BenchResult[] = [];

    // The seed project: start-up is most of it.
    const seedNix = join(dir, 'seed.nix');
    wall(process.execPath, [cli, 'generate', SEED, '-o', seedNix]);
    const seedLoad = load();
    const seed = inTurns(
      {
        cli: () => wall(process.execPath, [cli, 'generate', SEED]),
        nix: () => (hasNix ? wall('nix-instantiate', ['--parse', seedNix]) : { wall: NaN, cpu: null }),
        node: () => wall(process.execPath, ['-e', '0']),
        ...(process.env[CA_VARIABLE] ? { withCa: () => wall(process.execPath, [cli, 'generate', SEED], { env: process.env }) } : {}),
      },
      SEED_RUNS,
    );
    const npm = inTurns({ npm: () => wall('npm', ['run', '--silent', 'generate', '--', SEED]) }, 3).npm;
    const seedChildren = Array.from({ length: 5 }, () => child<number>(childBundle, 'command', SEED, 20));
    const seedParse = hasNix ? wallMedian(seed.nix) : null;
    const seedCli = wallMedian(seed.cli);
    const times = (k: string) =>
      `${ms(wallMedian(seed[k]))}${seedParse === null ? '' : ` (${(wallMedian(seed[k]) / seedParse).toFixed(2)}×)`}`;
    out.push({
      name: `seed project, whole process: node ${cli} generate ${SEED} (median of ${SEED_RUNS}, in turns; ${seedLoad})`,
      figures: [
        `built CLI ${times('cli')}, nix-instantiate --parse of its output ${seedParse === null ? 'n/a (no Nix)' : ms(seedParse)}`,
        `    for reference: node -e 0 ${times('node')}; npm run --silent generate ${ms(wallMedian(npm))}`,
        seed.withCa
          ? `    ${CA_VARIABLE} is set here and unset for these runs; the built CLI with it: ${times('withCa')}`
          : `    ${CA_VARIABLE} is not set`,
        `    CPU (user + system, mean per run): ${cpuLine({ 'built CLI': seed.cli, 'node -e 0': seed.node }, hasNix ? seed.nix : null)}`,
        `    in-process generate command: cold ${ms(median(seedChildren.map((c) => c.cold)))} (first call, fresh process), warm ${ms(median(seedChildren.flatMap((c) => c.warm)))}`,
      ].join('\n'),
      budget: seedParse === null ? null : budgetLine(`built CLI ≤ ${SEED_LIMIT.toFixed(1)}× nix-instantiate --parse`, seedCli / seedParse, SEED_LIMIT, '×'),
    });

    // 1,000 specialisations × 10 users: the work itself.
    const project = bigProject(1000);
    // A project a user would have: nothing to warn about (1,000 warnings written to stderr would be measured too).
    if (validate(project).length) throw new Error('the big benchmark project has diagnostics');
    const bigJson = join(dir, 'big.json');
    const bigNix = join(dir, 'big.nix');
    writeFileSync(bigJson, projectFileText(project));
    wall(process.execPath, [cli, 'generate', bigJson, '-o', bigNix]);
    if (readFileSync(bigNix, 'utf8') !== generate(project).text) throw new Error('the built CLI and the generator give different modules for the big project');
    const mb = (file: string) => `${(readFileSync(file).length / 1e6).toFixed(1)} MB`;
    const bigLoad = load();
    const command = (): Sample => {
      const c = child<number>(childBundle, 'command', bigJson, 0);
      return { wall: c.cold, cpu: null };
    };
    const big = inTurns(
      {
        command,
        nix: () => (hasNix ? wall('nix-instantiate', ['--parse', bigNix]) : { wall: NaN, cpu: null }),
        cli: () => wall(process.execPath, [cli, 'generate', bigJson, '-o', join(dir, 'out.nix')]),
      },
      BIG_RUNS,
    );
    const coldPhases = Array.from({ length: 3 }, () => child<Phases>(childBundle, 'phases', bigJson, 0).cold);
    const warmCommand = child<number>(childBundle, 'command', bigJson, WARM_RUNS).warm;
    const warmPhases = child<Phases>(childBundle, 'phases', bigJson, WARM_RUNS).warm;
    const work = wallMedian(big.command);
    const bigParse = hasNix ? wallMedian(big.nix) : null;
    const of = (n: number) => (bigParse === null ? '' : ` (${(n / bigParse).toFixed(2)}×)`);
    out.push({
      name: `1,000 specialisations × 10 users (${mb(bigJson)} project, ${mb(bigNix)} module; median of ${BIG_RUNS}, in turns; ${bigLoad})`,
      figures: [
        `generate command's work, cold (read, parse, validate, generate: the first call in a fresh process) ${ms(work)}${of(work)}, nix-instantiate --parse ${bigParse === null ? 'n/a (no Nix)' : ms(bigParse)}`,
        `    cold by phase: ${phaseLine(coldPhases)}`,
        `    warm (calls 2 to ${WARM_RUNS + 1} in one process): generate command ${ms(median(warmCommand))}${of(median(warmCommand))}; by phase: ${phaseLine(warmPhases)}`,
        `    whole process, node ${cli} generate … -o out.nix: ${ms(wallMedian(big.cli))}${of(wallMedian(big.cli))}`,
        `    CPU (user + system, mean per run): ${cpuLine({ 'whole process': big.cli }, hasNix ? big.nix : null)}`,
        ...(bigParse === null ? [] : [`    aim ≤ ${BIG_AIM}×: ${work / bigParse <= BIG_AIM ? 'met' : 'not yet'}`]),
      ].join('\n'),
      budget: bigParse === null ? null : budgetLine(`cold generate work ≤ ${BIG_LIMIT.toFixed(1)}× nix-instantiate --parse`, work / bigParse, BIG_LIMIT, '×'),
    });
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `name X ms (r×), …, nix-instantiate --parse Y ms`, or a note where /proc is missing. */
function cpuLine(ours: Record<string, Sample[]>, nix: Sample[] | null): string {
  const nixCpu = nix === null ? null : cpuMean(nix);
  const parts = Object.entries(ours).map(([name, samples]) => {
    const cpu = cpuMean(samples);
    if (cpu === null) return `${name} n/a`;
    return `${name} ${ms(cpu)}${nixCpu ? ` (${(cpu / nixCpu).toFixed(2)}×)` : ''}`;
  });
  return [...parts, `nix-instantiate --parse ${nixCpu === null ? 'n/a' : ms(nixCpu)}`].join(', ');
}
