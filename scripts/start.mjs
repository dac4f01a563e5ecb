#!/usr/bin/env node
// `npm start`: install npm packages when missing or older than the lockfile, build when the build is
// missing or older than the sources, then run the portal (demo mode when RANCHER_URL is unset).
// Plain Node with no dependency, because it runs before any package is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const sourceRoots = ['app', 'components', 'lib', 'server', 'sim', 'demo', 'public'];
const sourceFiles = ['package.json', 'package-lock.json', 'next.config.js', 'postcss.config.mjs', 'tsconfig.json', 'scripts/build.mjs', 'scripts/audit-verify.ts'];
const skipped = new Set(['node_modules', '.next', 'dist', '.data', 'test-results']);

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

function newestIn(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (!skipped.has(entry)) newest = Math.max(newest, newestIn(join(path, entry)));
  }
  return newest;
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}

/** Installs npm packages when node_modules is missing or older than the lockfile. */
export function ensureInstalled() {
  const installedAt = mtime(join(root, 'node_modules/.package-lock.json'));
  if (installedAt === 0 || installedAt < mtime(join(root, 'package-lock.json'))) {
    console.error('Installing npm packages (npm ci)…');
    run('npm', ['ci', '--no-audit', '--no-fund']);
  }
}

/** Builds the runtime folder dist/ (scripts/build.mjs) when it is missing or older than any source. */
export async function ensureBuilt() {
  const builtAt = Math.min(mtime(join(root, 'dist/.next/BUILD_ID')), mtime(join(root, 'dist/server.cjs')));
  const sourcesAt = Math.max(...sourceRoots.map((d) => newestIn(join(root, d))), ...sourceFiles.map((f) => mtime(join(root, f))));
  if (builtAt === 0 || builtAt < sourcesAt) {
    console.error('Building the portal…');
    const { buildNext, buildServer } = await import(pathToFileURL(join(root, 'scripts/build.mjs')).href);
    buildNext();
    await buildServer();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureInstalled();
  await ensureBuilt();
  process.env.NODE_ENV = 'production';
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  // Same process: Ctrl-C and SIGTERM reach the server directly, so nothing is left orphaned.
  await import(pathToFileURL(join(root, 'dist/server.cjs')).href);
}
