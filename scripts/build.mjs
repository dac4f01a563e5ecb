#!/usr/bin/env node
// Builds what `npm start` runs: the Next app (.next/) and the custom server bundle (dist/server.cjs,
// with its policy worker dist/policy-worker.cjs).
// Plain Node, so it also works as the first step on a fresh clone.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

export async function buildServer() {
  const { build } = await import('esbuild');
  // The server, and the policy checker's worker thread beside it (server/policy-worker-script.ts finds
  // it there): Next builds only app/, and a worker needs a file Node can run as it is.
  const entries = { server: 'server/main.ts', 'policy-worker': 'server/policy-worker.ts' };
  await build({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, resolve(root, file)])),
    outdir: resolve(root, 'dist'),
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
}

export function buildNext() {
  const result = spawnSync(process.execPath, [resolve(root, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
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
