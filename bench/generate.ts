import { spawnSync } from 'node:child_process';
import { defaultProject, defaultSpecialisation, defaultUser } from '../src/model/defaults';
import type { Project } from '../src/model/types';
import { generate } from '../src/nix/generate';
import { validate } from '../src/nix/validate';
import { budgetLine, median, type BenchResult } from './report';

/** A project of `count` specialisations with 10 users each, every section filled. */
export function bigProject(count: number): Project {
  return {
    ...defaultProject('26.05'),
    specialisations: Array.from({ length: count }, (_, i) => ({
      ...defaultSpecialisation(`spec-${i}`),
      tags: [`t${i}`, 'bench'],
      users: Array.from({ length: 10 }, (_, j) => ({
        ...defaultUser(`user${j}`),
        uid: 1000 + j,
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

function time(fn: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

export function benchGenerate(): BenchResult[] {
  const hasNix = spawnSync('nix-instantiate', ['--version']).status === 0;
  const out: BenchResult[] = [];
  for (const count of [1, 100, 1000]) {
    const project = bigProject(count);
    const text = generate(project).text;
    for (let i = 0; i < 3; i++) generate(project); // warm up the JIT
    const runs = count === 1000 ? 7 : 25;
    const gen = time(() => generate(project), runs);
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
  return out;
}
