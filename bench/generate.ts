import { spawnSync } from 'node:child_process';
import { defaultProject, defaultSpecialisation, defaultUser } from '../src/model/defaults';
import type { Project } from '../src/model/types';
import { generate } from '../src/nixos/generate';
import { validate } from '../src/nixos/validate';
import { budgetLine, median, percentile, type BenchResult } from './report';

/** A project of `count` specialisations with 10 users each, every section filled. */
export function bigProject(count: number, usersEach = 10): Project {
  return {
    ...defaultProject('26.05'),
    specialisations: Array.from({ length: count }, (_, i) => ({
      ...defaultSpecialisation(`spec-${i}`),
      tags: [`t${i}`, 'bench'],
      users: Array.from({ length: usersEach }, (_, j) => ({
        ...defaultUser(`user${j}`),
        // From 1001: uid 1000 is normally the main system's own first account, which validation warns about.
        uid: 1001 + j,
        description: `User ${j} of "spec ${i}" with \${odd} text`,
        extraGroups: ['wheel', 'video', 'audio'],
        shell: j % 2 ? 'zsh' : 'bash',
        authorizedKeys: [`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA${i}x${j} user${j}@host`],
      })),
      desktop: { environment: i % 2 ? 'gnome' : 'plasma6', displayManager: 'auto', autoLogin: 'user0' },
      packages: ['firefox', 'git', 'python3Packages.numpy', 'vim'],
      gpu: { ...defaultSpecialisation('').gpu, mode: 'nvidia-offload', nvidiaBusId: 'PCI:1:0:0', intelBusId: 'PCI:0:2:0', driver: 'beta', openKernelModule: true },
      kernel: { packages: 'linuxPackages_latest', params: ['quiet', 'splash'], modules: ['kvm-intel'], blacklistedModules: ['nouveau'] },
    })),
  };
}

function time(fn: (run: number) => void, runs: number, prepare: (run: number) => void = () => {}): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    prepare(i);
    const t = performance.now();
    fn(i);
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Copies made before timing: the generator caches per specialisation object, a cold run needs fresh ones. */
function copies(project: Project, n: number): Project[] {
  return Array.from({ length: n }, () => structuredClone(project));
}

/** One edit in a big project, as a keystroke makes it: only the edited specialisation is new. */
function benchIncremental(count: number): BenchResult {
  let project = bigProject(count);
  generate(project);
  const times: number[] = [];
  for (let k = 0; k < 200; k++) {
    const i = k % count;
    const s = project.specialisations[i];
    project = {
      ...project,
      specialisations: project.specialisations.map((x, j) =>
        j === i ? { ...s, users: s.users.map((u, n) => (n === 0 ? { ...u, description: `${u.description}x` } : u)) } : x,
      ),
    };
    const t = performance.now();
    generate(project);
    validate(project);
    times.push(performance.now() - t);
  }
  const p95 = percentile(times, 95);
  return {
    name: `one keystroke in a project of ${count} specialisations × 10 users (generate + validate)`,
    figures: `p50 ${median(times).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms over 200 edits`,
    budget: budgetLine('p95 within one frame (generator and validation part of the 16 ms)', p95, 16, 'ms'),
  };
}

export function benchGenerate(): BenchResult[] {
  const hasNix = spawnSync('nix-instantiate', ['--version']).status === 0;
  const out: BenchResult[] = [];
  for (const count of [1, 100, 1000]) {
    const project = bigProject(count);
    const text = generate(project).text;
    for (const p of copies(project, 3)) generate(p); // warm up the JIT
    const runs = count === 1000 ? 7 : 25;
    const fresh = copies(project, runs);
    const gen = time((i) => generate(fresh[i]), runs);
    const val = time(() => validate(project), runs);
    let parse: number | null = null;
    if (hasNix) {
      parse = time(() => {
        const r = spawnSync('nix-instantiate', ['--parse', '-'], { input: text, stdio: ['pipe', 'ignore', 'pipe'] });
        if (r.status !== 0) throw new Error(`Nix could not parse the benchmark output: ${r.stderr}`);
      }, count === 1000 ? 3 : 7);
    }
    const lines = text.split('\n').length;
    out.push({
      name: `generate ${count} specialisation(s) × 10 users (${lines} lines)`,
      figures: `generate ${gen.toFixed(2)} ms, validate ${val.toFixed(2)} ms, nix-instantiate --parse ${parse === null ? 'n/a (no Nix)' : `${parse.toFixed(1)} ms`}`,
      budget: parse === null ? null : budgetLine('generator faster than Nix parsing its output', gen, parse, 'ms'),
    });
  }
  out.push(benchIncremental(500));
  return out;
}
