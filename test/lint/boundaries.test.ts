import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Each fixture is linted with the project's own eslint.config.mjs as if it sat at the path its first
// line names, so the rules are shown failing on a real wrong import (npm test runs eslint over the tree).
const root = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;

async function lintFixture(name: string, lintedAs: string): Promise<string[]> {
  const text = readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
  expect(text.split('\n')[0]).toContain(lintedAs);
  const [result] = await eslint.lintText(text, { filePath: `${root}/${lintedAs}` });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('eslint keeps the runtime layout', () => {
  beforeAll(() => {
    // import/no-cycle reads the linted file from disk, and these files exist only as text.
    eslint = new ESLint({ cwd: root, overrideConfig: { rules: { 'import/no-cycle': 'off' } } });
  });

  it('refuses a component importing a server-only module', async () => {
    const errors = await lintFixture('component-imports-server.tsx', 'components/lint-fixture.tsx');
    expect(errors).toEqual([expect.stringMatching(/^no-restricted-imports: .*Server-only/)]);
  });

  it('refuses a browser module importing Node', async () => {
    const errors = await lintFixture('browser-imports-node.ts', 'lib/client/logs/lint-fixture.ts');
    expect(errors).toEqual([expect.stringMatching(/^no-restricted-imports: .*'node:fs'.*no Node modules/)]);
  });

  it('refuses an import that closes a cycle between lib folders', async () => {
    const errors = await lintFixture('folder-cycle.ts', 'lib/rate-limit/lint-fixture.ts');
    expect(errors).toEqual([expect.stringMatching(/^import\/no-restricted-paths: .*"@\/lib\/audit\/audit-store".* lib\/rate-limit may import only .*cycle/)]);
  });

  it('refuses a server-only lib file without the marker', async () => {
    const errors = await lintFixture('server-file-unmarked.ts', 'lib/rancher/lint-fixture.ts');
    expect(errors).toEqual([expect.stringMatching(/^portal\/server-only-marker: /)]);
  });

  it('refuses a browser global in isomorphic code', async () => {
    const errors = await lintFixture('domain-uses-window.ts', 'lib/domain/stacks/lint-fixture.ts');
    expect(errors).toEqual([expect.stringMatching(/^no-restricted-globals: .*isomorphic/)]);
  });

  it('lets a component import lib/domain and lib/client', async () => {
    expect(await lintFixture('component-imports-domain.tsx', 'components/lint-fixture.tsx')).toEqual([]);
  });
}, 120_000);
