import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));

/** Runs the CLI the way users do: `npx spin-policy` resolves the project's own bin. */
function npx(...args: string[]) {
  const r = spawnSync('npx', ['--no-install', 'spin-policy', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npx spin-policy', () => {
  it('checks one clean file: exit 0', () => {
    const r = npx('check', 'lib/policy/fixtures/clean/myportal/docker-compose.yml');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('lib/policy/fixtures/clean/myportal/docker-compose.yml  no findings');
  });

  it('checks several files: exit 1 when one has an error', () => {
    const r = npx('check', 'lib/policy/fixtures/clean/bar-nersc/docker-compose.yml', 'lib/policy/fixtures/failing/lesson-stack/docker-compose.yml', '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { summary: { errors: number } };
    expect(report.summary.errors).toBe(1);
  });

  it('checks a directory', () => {
    const r = npx('check', 'lib/policy/fixtures/clean');
    expect(r.code).toBe(0);
    expect(r.stdout.match(/no findings/g)).toHaveLength(3);
  });

  it('exits 2 on a usage error', () => {
    const r = npx('check');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: spin-policy');
  });
});
