import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

export const COMPOSE_NAMES = ['docker-compose.yml', 'docker-compose.yaml'];
const RANCHER_NAMES = ['rancher-compose.yml', 'rancher-compose.yaml'];
const SKIP_DIRS = new Set(['node_modules', '.git', '.next', 'dist']);

/** Compose files named on the command line, directories searched recursively (sorted, stable output). */
export function findComposeFiles(targets: readonly string[], cwd: string): { files: string[] } | { error: string } {
  const files: string[] = [];
  for (const t of targets) {
    if (!existsSync(t)) return { error: `${displayPath(t, cwd)}: no such file or directory` };
    if (!statSync(t).isDirectory()) {
      files.push(t);
      continue;
    }
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (e.isDirectory() && !SKIP_DIRS.has(e.name)) walk(join(dir, e.name));
        else if (e.isFile() && COMPOSE_NAMES.includes(e.name)) found.push(join(dir, e.name));
      }
    };
    walk(t);
    if (found.length === 0) return { error: `${displayPath(t, cwd)}: no docker-compose.yml in this directory or below` };
    files.push(...found);
  }
  return { files: [...new Set(files)] };
}

/** rancher-compose.yml beside the compose file, as `rancher up` reads it. */
export function siblingRancherCompose(composeFile: string): string | undefined {
  return RANCHER_NAMES.map((n) => join(dirname(composeFile), n)).find((p) => existsSync(p));
}

/**
 * `.spin-policy.yml` beside the compose file, else in a parent directory up to the working
 * directory (a repository can keep one file for all its stacks).
 */
export function findWaiverFile(composeFile: string, cwd: string): string | undefined {
  let dir = resolve(dirname(composeFile));
  const stop = resolve(cwd);
  for (;;) {
    const candidate = join(dir, '.spin-policy.yml');
    if (existsSync(candidate)) return candidate;
    const inside = dir === stop || dir.startsWith(stop + sep);
    const parent = dirname(dir);
    if (!inside || dir === stop || parent === dir) return undefined;
    dir = parent;
  }
}

/** The stack name `rancher up` would use: the name of the directory holding the compose file. */
export function stackNameFor(composeFile: string): string {
  return basename(dirname(resolve(composeFile)));
}

/** Paths as the user sees them: relative to the working directory when inside it. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, resolve(file));
  return rel.startsWith('..') ? resolve(file) : rel;
}
