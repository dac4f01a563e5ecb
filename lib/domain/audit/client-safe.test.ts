import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The upgrade form (components/upgrade) runs upgradeDiff and isSecretName in the browser, and the activity
// filter form parses with auditFilter: these files, and what they import, must stay free of Node,
// `server-only` and database code.
const clientSafe = ['redact-secrets.ts', 'upgrade-diff.ts', 'audit-filter.ts', 'audit-event.ts'];
const allowedPackages = new Set(['zod']);

function importsOf(file: string): string[] {
  const source = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
  return [...source.matchAll(/^\s*import\s+(?:type\s+)?(?:[^'"]*?from\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? '');
}

describe('client-safe audit modules', () => {
  it.each(clientSafe)('%s imports only zod and other client-safe audit modules', (file) => {
    for (const specifier of importsOf(file)) {
      const isSibling = specifier.startsWith('./') && clientSafe.includes(`${specifier.slice(2)}.ts`);
      // The rest of lib/domain is isomorphic too (eslint.config.mjs refuses Node and server code there).
      const isDomain = specifier.startsWith('@/lib/domain/');
      expect(isSibling || isDomain || allowedPackages.has(specifier), `${file} imports ${specifier}`).toBe(true);
    }
  });

  it('notices a Node import', () => {
    expect(importsOf('../../audit/time-ordered-id.ts')).toContain('node:crypto');
  });
});
