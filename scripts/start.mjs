#!/usr/bin/env node
// `npm start`: install dependencies when they are missing or stale, then run the Vite dev server.
// Plain Node, no dependencies: this runs before anything is installed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const nodeModules = join(root, 'node_modules');
const lockFile = join(root, 'package-lock.json');
const isWindows = process.platform === 'win32';

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : undefined;
}

function installReason() {
  if (!existsSync(nodeModules)) return 'node_modules is missing';
  const lock = mtime(lockFile);
  // npm rewrites node_modules/.package-lock.json on every install; fall back to the folder itself.
  const installed = mtime(join(nodeModules, '.package-lock.json')) ?? mtime(nodeModules);
  if (lock !== undefined && installed !== undefined && installed < lock) {
    return 'node_modules is older than package-lock.json';
  }
  return undefined;
}

function run(command, args) {
  console.log(`[start] ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: isWindows });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const reason = installReason();
if (reason) {
  console.log(`[start] ${reason}; installing dependencies`);
  run('npm', existsSync(lockFile) ? ['ci'] : ['install']);
  // Mark the install as newer than the lock file so the next start does not reinstall.
  const now = new Date();
  utimesSync(nodeModules, now, now);
  if (existsSync(join(nodeModules, '.package-lock.json'))) {
    utimesSync(join(nodeModules, '.package-lock.json'), now, now);
  }
}

const viteBin = join(nodeModules, 'vite', 'bin', 'vite.js');
const viteArgs = ['--port', '5173', '--strictPort', '--host', '127.0.0.1', ...process.argv.slice(2)];
console.log(`[start] vite ${viteArgs.join(' ')}`);
const vite = spawn(process.execPath, [viteBin, ...viteArgs], { cwd: root, stdio: 'inherit' });

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => vite.kill(signal));
}
vite.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
