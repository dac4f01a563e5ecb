import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi-document';

const root = join(__dirname, '../..');
const apiDir = join(root, 'app/api');

const httpMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * Catch-alls that are no API operation of their own: next-auth's (the sign-in flow it owns, whose
 * sub-paths are next-auth's, not ours) and `[...path]`, which answers every unknown /api path with a
 * problem+json 404.
 */
const notOperations = ['app/api/auth/[...nextauth]/route.ts', 'app/api/[...path]/route.ts'];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === 'route.ts' ? [path] : [];
  });
}

/** `app/api/v1/stacks/[stackId]/route.ts` → `/api/v1/stacks/{stackId}`; route groups `(x)` are no segment. */
function pathOf(file: string): string {
  const segments = relative(join(root, 'app'), file).split(sep).slice(0, -1);
  return `/${segments
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => s.replace(/^\[(.+)\]$/, '{$1}'))
    .join('/')}`;
}

/** The HTTP methods a route file exports: `export const GET`, `export (async) function POST`, `export { x as DELETE }`. */
function exportedMethods(source: string): string[] {
  const methods = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|let|(?:async\s+)?function)\s+([A-Z]+)\b/g)) methods.add(m[1] ?? '');
  for (const list of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const item of (list[1] ?? '').split(',')) methods.add(item.trim().split(/\s+as\s+/).pop() ?? '');
  }
  return [...methods].filter((m) => httpMethods.includes(m));
}

describe('the OpenAPI document covers app/api', () => {
  const files = routeFiles(apiDir).map((file) => ({ file, relativePath: relative(root, file).split(sep).join('/') }));
  const documented = openApiDocument().paths as Record<string, Record<string, unknown>>;

  it('finds the route files and reads their methods', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(exportedMethods('export const GET = route(x);\nexport async function POST() {}\nexport { a as DELETE, b as PATCH };')).toEqual(['GET', 'POST', 'DELETE', 'PATCH']);
    expect(pathOf(join(apiDir, 'v1/stacks/[stackId]/services/[serviceId]/route.ts'))).toBe('/api/v1/stacks/{stackId}/services/{serviceId}');
  });

  const operations = files
    .filter(({ relativePath }) => !notOperations.includes(relativePath))
    .flatMap(({ file, relativePath }) => exportedMethods(readFileSync(file, 'utf8')).map((method) => ({ method, path: pathOf(file), relativePath })));

  it.each(operations)('documents $method $path ($relativePath)', ({ method, path }) => {
    expect(Object.keys(documented[path] ?? {}), `${method} ${path} is missing from lib/openapi`).toContain(method.toLowerCase());
  });
});
