/// <reference types="vite/client" />
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// Source text of every library file, collected by Vite so this test itself needs no Node import.
const sources = import.meta.glob(['./**/*.ts', '!./**/*.test.ts'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
// The one vocabulary the rules share with the rest of the portal (service verbs, the stack-tag grammar, the
// schema-to-type check): the only files outside lib/domain/policy it may import, so they are held to the
// same rules.
const vocabulary = import.meta.glob(['../rancher/service-verbs.ts', '../rancher/stack-tags.ts', '../rancher/types.ts', '../schema/same-type.ts'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** Where a relative import of `file` lands, as a key of the globs above (`../rancher/types.ts`). */
function landing(file: string, spec: string): string {
  const parts = file.split('/').slice(0, -1).filter((segment) => segment !== '.');
  for (const segment of spec.split('/')) {
    if (segment === '.') continue;
    if (segment === '..' && parts.length > 0 && parts.at(-1) !== '..') parts.pop();
    else parts.push(segment);
  }
  return `${parts[0] === '..' ? '' : './'}${parts.join('/')}.ts`;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const PACKAGES = new Set(['yaml', 'zod']);

describe('lib/domain/policy is pure', () => {
  it('finds the library files', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(60);
  });

  it.each(Object.entries({ ...sources, ...vocabulary }))('%s imports only the library, its vocabulary, yaml and zod', (file, text) => {
    for (const m of text.matchAll(IMPORT)) {
      const spec = (m[1] ?? m[2]) as string;
      if (spec.startsWith('.')) {
        const target = landing(file, spec);
        expect(target in sources || target in vocabulary, `${file} leaves lib/domain/policy with ${spec}`).toBe(true);
      } else {
        expect(PACKAGES.has(spec), `${file} imports ${spec}`).toBe(true);
      }
    }
  });

  it.each(Object.entries({ ...sources, ...vocabulary }))('%s uses no Node or DOM global', (_file, text) => {
    expect(text).not.toMatch(/\b(process|Buffer|require|window|document|localStorage|__dirname)\s*[.([]/);
  });

  it('bundles for the browser', async () => {
    const entries = ['check', 'check-input', 'rules/index', 'reporters/json-report', 'reporters/text-report', 'reporters/sarif-report'];
    const result = await build({
      stdin: { contents: entries.map((e, i) => `export * as m${i} from './${e}';`).join('\n'), resolveDir: new URL('.', import.meta.url).pathname, loader: 'ts' },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).toContain('image-registry-allowed');
    expect(code).not.toMatch(/from ["']node:/);
  });
});
