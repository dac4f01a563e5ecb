import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));

/** Runs the CLI the way users do: `npx spin-policy` resolves the project's own bin. */
function npx(...args: string[]) {
  return npxWith({}, ...args);
}

function npxWith(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync('npx', ['--no-install', 'spin-policy', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A compose file in a fresh directory of its own; returns its path. */
function composeFile(text: string): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'spin-policy-cli-')));
  const file = join(dir, 'docker-compose.yml');
  writeFileSync(file, text);
  return file;
}

const socketCompose = "version: '2'\nservices:\n  web:\n    image: nginx:1.15\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n";

describe('npx spin-policy', () => {
  it('checks one clean file: exit 0', () => {
    const r = npx('check', 'lib/domain/policy/fixtures/clean/myportal/docker-compose.yml');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('lib/domain/policy/fixtures/clean/myportal/docker-compose.yml  no findings');
  });

  it('checks several files: exit 1 when one has an error', () => {
    const r = npx('check', 'lib/domain/policy/fixtures/clean/bar-nersc/docker-compose.yml', 'lib/domain/policy/fixtures/failing/lesson-stack/docker-compose.yml', '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { summary: { errors: number } };
    expect(report.summary.errors).toBe(1);
  });

  it('checks a directory', () => {
    const r = npx('check', 'lib/domain/policy/fixtures/clean');
    expect(r.code).toBe(0);
    expect(r.stdout.match(/no findings/g)).toHaveLength(3);
  });

  it('exits 2 on a usage error', () => {
    const r = npx('check');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: spin-policy');
  });

  it('exits 1 on a mount of the Docker socket, naming the rule, line and column', () => {
    const file = composeFile(socketCompose);
    const text = npx('check', file);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/error\s+host-path-allowed\s+6:9\s+web mounts \/var\/run\/docker\.sock/);
    const sarif = JSON.parse(npx('check', file, '--format', 'sarif').stdout) as {
      runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[] }[];
    };
    const result = sarif.runs[0]?.results.find((r) => r.ruleId === 'host-path-allowed');
    expect(result?.level).toBe('error');
    expect(result?.locations[0]?.physicalLocation.region).toMatchObject({ startLine: 6, startColumn: 9 });
  });

  it('resolves a relative bind source beside the compose file, against POLICY_ALLOWED_HOST_PATHS', () => {
    const file = composeFile("version: '2'\nservices:\n  web:\n    image: nginx:1.15\n    volumes: ['./data:/data:ro']\n");
    const outside = npx('check', file, '--format', 'json');
    expect(outside.code).toBe(1);
    expect((JSON.parse(outside.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId)).toContain('host-path-allowed');
    const allowed = npxWith({ POLICY_ALLOWED_HOST_PATHS: join(file, '..') }, 'check', file, '--format', 'json');
    expect((JSON.parse(allowed.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId)).not.toContain('host-path-allowed');
  });

  it('refuses a POLICY_ALLOWED_HOST_PATHS that would allow the node: exit 2', () => {
    const r = npxWith({ POLICY_ALLOWED_HOST_PATHS: '/global,/' }, 'check', 'lib/domain/policy/fixtures/clean/myportal/docker-compose.yml');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('POLICY_ALLOWED_HOST_PATHS');
  });

  it('checks a file with a repeated key as Rancher reads it, with a warning instead of exit 2', () => {
    const file = composeFile("version: '2'\nservices:\n  web:\n    image: nginx:1.15\n    volumes: ['/global/cfs/x:/x:ro']\n    volumes: ['/:/host']\n");
    const r = npx('check', file, '--format', 'json');
    expect(r.code).toBe(1);
    const ids = (JSON.parse(r.stdout) as { findings: { ruleId: string; severity: string }[] }).findings.map((f) => `${f.ruleId}:${f.severity}`);
    expect(ids).toEqual(expect.arrayContaining(['compose-duplicate-key:warning', 'host-path-allowed:error']));
  });

  it("passes on the README's own --stack-tags example", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const example = /^npx spin-policy check (\S+) --stack-tags "([^"]+)"$/m.exec(readme);
    expect(example).not.toBeNull();
    const r = npx('check', example?.[1] ?? '', '--stack-tags', example?.[2] ?? '');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no findings');
  });
});
