#!/usr/bin/env node
// `npm run build`: writes dist/, the portal's whole runtime folder, which `npm start`, the integration
// tests and the image (deploy/Dockerfile copies it as is) all run:
//   dist/server.cjs          the custom server (with dist/policy-worker.cjs, its worker thread)
//   dist/audit-verify.cjs    `npm run audit:verify` for a container that has no sources
//   dist/.next/              Next's standalone build, and its static files
//   dist/node_modules/       only the packages these load: Next's trace, plus the server's own
// Plain Node, so it also works as the first step on a fresh clone.
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const runtimeDir = join(root, 'dist');
const bundles = { server: 'server/main.ts', 'policy-worker': 'server/policy-worker.ts', 'audit-verify': 'scripts/audit-verify.ts' };

export async function buildServer() {
  const { build } = await import('esbuild');
  // The server, and the policy checker's worker thread beside it (server/policy-worker-script.ts finds
  // it there): Next builds only app/, and a worker needs a file Node can run as it is.
  await build({
    entryPoints: Object.fromEntries(Object.entries(bundles).map(([name, file]) => [name, resolve(root, file)])),
    outdir: runtimeDir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    // The marker package throws outside Next's own server build; the bundle is server code by definition.
    alias: { 'server-only': resolve(root, 'server/server-only-stub.ts') },
    sourcemap: true,
    logLevel: 'warning',
  });
  addServerPackages();
}

/** `next build` (standalone output), then its output laid out as dist/. */
export function buildNext() {
  const result = spawnSync(process.execPath, [resolve(root, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
  rmSync(runtimeDir, { recursive: true, force: true });
  cpSync(join(root, '.next/standalone'), runtimeDir, { recursive: true, verbatimSymlinks: true });
  // Next's own standalone server.js is replaced by ours; static files are not part of the trace.
  rmSync(join(runtimeDir, 'server.js'), { force: true });
  cpSync(join(root, '.next/static'), join(runtimeDir, '.next/static'), { recursive: true });
  if (existsSync(join(root, 'public'))) cpSync(join(root, 'public'), join(runtimeDir, 'public'), { recursive: true });
}

/** The packages a bundle requires by bare name (`require("pino")`, `require("next/dist/...")`). */
function requiredPackages(bundleFile) {
  const builtins = new Set(builtinModules);
  const names = new Set();
  for (const [, spec] of readFileSync(bundleFile, 'utf8').matchAll(/\brequire\("([^"./][^"]*)"\)/g)) {
    const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    if (!spec.startsWith('node:') && !builtins.has(name)) names.add(name);
  }
  return names;
}

/**
 * Completes dist/node_modules for the server bundles: Next's trace brought only the files app/ loads
 * (ws without its index.js, say), so each package the bundles require, and each of its dependencies, is
 * copied whole over its traced part, native optional packages included. Next itself is left as traced:
 * its trace covers its own server, and its optional build tools (SWC) are not needed at run time.
 */
function addServerPackages() {
  const pending = Object.keys(bundles).flatMap((name) => [...requiredPackages(join(runtimeDir, `${name}.cjs`))]);
  const seen = new Set(['next']);
  while (pending.length > 0) {
    const name = pending.pop();
    if (seen.has(name)) continue;
    seen.add(name);
    const target = join(runtimeDir, 'node_modules', name);
    const source = join(root, 'node_modules', name);
    if (!existsSync(source)) continue; // an optional dependency not installed on this platform
    cpSync(source, target, { recursive: true, force: true, verbatimSymlinks: true });
    const manifest = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
    pending.push(...Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies }));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    buildNext();
    await buildServer();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
