import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * In the runtime folder, Next's configuration is the one the build resolved (kept in
 * .next/required-server-files.json), handed to Next as its standalone server does: loading
 * next.config.js at run time would pull in build tooling the folder does not ship. Elsewhere (`npm run
 * dev`) Next reads next.config.js itself.
 */
export function applyBuiltNextConfig(projectRoot: string): void {
  const file = join(projectRoot, '.next/required-server-files.json');
  if (!existsSync(file)) return;
  const { config } = JSON.parse(readFileSync(file, 'utf8')) as { config: unknown };
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}
