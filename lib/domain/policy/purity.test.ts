/// <reference types="vite/client" />
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// Source text of every library file, collected by Vite so this test itself needs no Node import.
const sources = import.meta.glob(['./**/*.ts', '!./**/*.test.ts'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const PACKAGES = new Set(['yaml', 'zod']);

describe('lib/policy is pure', () => {
  it('finds the library files', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(60);
  });

  it.each(Object.entries(sources))('%s imports only the library, yaml and zod', (file, text) => {
    const depth = file.split('/').length - 2;
    for (const m of text.matchAll(IMPORT)) {
      const spec = (m[1] ?? m[2]) as string;
      if (spec.startsWith('.')) {
        const ups = spec.split('/').filter((s) => s === '..').length;
        expect(ups, `${file} leaves lib/policy with ${spec}`).toBeLessThanOrEqual(depth);
      } else {
        expect(PACKAGES.has(spec), `${file} imports ${spec}`).toBe(true);
      }
    }
  });

  it.each(Object.entries(sources))('%s uses no Node or DOM global', (_file, text) => {
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
