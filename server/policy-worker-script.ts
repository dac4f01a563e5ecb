import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PolicyWorkerScript } from '@/lib/policy-worker/policy-check-pool';

/**
 * Where the policy worker's program is, next to the running server: `dist/policy-worker.cjs` beside
 * the bundled `dist/server.cjs`, or `server/policy-worker.ts` when tsx runs the sources (`npm run
 * dev`), loaded through tsx's require hook since a worker does not inherit the parent's loader.
 */
export function policyWorkerScript(dir: string = __dirname): PolicyWorkerScript {
  const built = resolve(dir, 'policy-worker.cjs');
  if (existsSync(built)) return { file: built, execArgv: [] };
  return { file: resolve(dir, 'policy-worker.ts'), execArgv: ['--require', 'tsx/cjs'] };
}
