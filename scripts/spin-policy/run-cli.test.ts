import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yamlAliasBomb } from '../../test/helpers/yaml-alias-bomb';
import { runCli } from './run-cli';

let root: string;

function write(rel: string, text: string) {
  const file = join(root, rel);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, { cwd: root, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), color: false, version: '9.9.9' });
  return { code, stdout, stderr };
}

const CLEAN = "version: '2'\nservices:\n  web:\n    image: nginx:1.15.5\n    cap_drop: [ALL]\n";
const FAILING = "version: '2'\nservices:\n  web:\n    image: nginx:1.15.5\n    cap_drop: [ALL]\n    privileged: true\n";

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'spin-policy-cli-'));
  write('stacks/bar-nersc/docker-compose.yml', CLEAN);
  write('stacks/bar-nersc/rancher-compose.yml', "version: '2'\nservices:\n  app:\n    scale: 2\n");
  write('stacks/foo-jgi-doe/docker-compose.yml', FAILING);
  write('stacks/node_modules/x/docker-compose.yml', FAILING);
  write('single/docker-compose.yaml', CLEAN);
  write('bad/docker-compose.yml', "version: '2'\nservices:\n  web:\n    image: [nginx\n");
  write('list/docker-compose.yml', '- web\n');
  write('bomb/docker-compose.yml', yamlAliasBomb());
  write('waived/docker-compose.yml', "version: '2'\nservices:\n  app:\n    image: python:3.7.1\n    cap_drop: [ALL]\n    ports: ['22:2222']\n");
  write('waived/.spin-policy.yml', 'waivers:\n  - id: WG-3\n    rule: port-privileged-needs-review\n    reason: Approved by the Spin working group\n    expires: 2099-01-01\n');
  write('badwaiver/docker-compose.yml', CLEAN);
  write('badwaiver/.spin-policy.yml', 'waivers:\n  - rule: compose-no-build\n    reason: x\n    expires: 2099-01-01\n');
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('spin-policy check', () => {
  it('exits 0 for a clean file', () => {
    const r = cli('check', 'single/docker-compose.yaml');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('single/docker-compose.yaml  no findings');
  });

  it('checks a directory, skips node_modules, uses rancher-compose.yml beside each file and exits 1 on an error', () => {
    const r = cli('check', 'stacks', '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: { ruleId: string; file: string; line: number }[]; summary: { errors: number } };
    expect(new Set(report.findings.map((f) => f.file))).toEqual(new Set(['stacks/bar-nersc/rancher-compose.yml', 'stacks/foo-jgi-doe/docker-compose.yml']));
    expect(report.findings).toContainEqual(expect.objectContaining({ ruleId: 'no-privileged', file: 'stacks/foo-jgi-doe/docker-compose.yml', line: 6 }));
    expect(report.findings).toContainEqual(expect.objectContaining({ ruleId: 'compose-rancher-consistency', file: 'stacks/bar-nersc/rancher-compose.yml', line: 3 }));
    expect(report.summary.errors).toBe(1);
  });

  it('checks several files in one run', () => {
    const r = cli('check', 'single/docker-compose.yaml', 'stacks/foo-jgi-doe/docker-compose.yml');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/single\/docker-compose.yaml {2}no findings/);
    expect(r.stdout).toMatch(/error +no-privileged +6:5/);
  });

  it('reports bad YAML as file:line:column and exits 2, still checking the other files', () => {
    const r = cli('check', 'bad/docker-compose.yml', 'single/docker-compose.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bad\/docker-compose.yml:\d+:\d+: \S.*\n$/);
    expect(r.stdout).toContain('single/docker-compose.yaml');
  });

  it('refuses an alias bomb as unreadable with exit 2 (issue #17)', () => {
    const r = cli('check', 'bomb/docker-compose.yml');
    expect(r).toMatchObject({ code: 2, stderr: 'bomb/docker-compose.yml:2:8: its aliases expand to more than 1000 copies (an alias bomb)\n' });
  });

  it('refuses a YAML file that is not a compose map', () => {
    const r = cli('check', 'list/docker-compose.yml');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('list/docker-compose.yml:1:1: not a compose file (expected a map with version and services)\n');
  });

  it('applies .spin-policy.yml beside the file', () => {
    const r = cli('check', 'waived', '--format', 'json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { findings: { ruleId: string; severity: string; waived?: { waiverId: string } }[] };
    expect(report.findings.find((f) => f.ruleId === 'port-privileged-needs-review')).toMatchObject({ severity: 'info', waived: { waiverId: 'WG-3' } });
  });

  it('refuses a waiver file that waives an unwaivable rule', () => {
    const r = cli('check', 'badwaiver');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('badwaiver/.spin-policy.yml:2:5: rule compose-no-build cannot be waived\n');
  });

  it('evaluates stack tags only when given, and takes the stack name from the directory', () => {
    expect(cli('check', 'single').code).toBe(0);
    const r = cli('check', 'single', '--stack-tags', 'group:csg', '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Stack single needs an owner:<NIM username> tag.');
    expect(cli('check', 'single', '--stack', 'My_Stack').code).toBe(1);
  });

  it('writes valid SARIF', () => {
    const r = cli('check', 'stacks/foo-jgi-doe', '--format', 'sarif');
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as { version: string; runs: { tool: { driver: { name: string; version: string } } }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]?.tool.driver).toMatchObject({ name: 'spin-policy', version: '9.9.9' });
  });

  it('places SARIF results relative to the repository root, never as absolute paths', () => {
    mkdirSync(join(root, '.git'), { recursive: true });
    try {
      let stdout = '';
      const code = runCli(['check', '../foo-jgi-doe', '--format', 'sarif'], { cwd: join(root, 'stacks', 'bar-nersc'), stdout: (t) => (stdout += t), stderr: () => undefined, color: false, version: '9.9.9' });
      expect(code).toBe(1);
      const run = (JSON.parse(stdout) as { runs: { originalUriBaseIds: Record<string, unknown>; results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }[] }[] }).runs[0];
      const artifact = run?.results[0]?.locations[0]?.physicalLocation.artifactLocation;
      expect(artifact).toEqual({ uri: 'stacks/foo-jgi-doe/docker-compose.yml', uriBaseId: 'SRCROOT' });
      expect(Object.keys(run?.originalUriBaseIds ?? {})).toEqual(['SRCROOT']);
      expect(stdout).not.toContain(root);
    } finally {
      rmSync(join(root, '.git'), { recursive: true, force: true });
    }
  });

  it.each([
    [['check'], 'name at least one'],
    [['lint', 'x'], 'unknown command'],
    [['check', 'single', '--profile', '2020-01'], 'unknown profile'],
    [['check', 'single', '--bogus'], "Unknown option '--bogus'"],
    [['check', 'missing.yml'], 'no such file'],
    [['check', 'stacks', '--rancher-compose', 'stacks/bar-nersc/rancher-compose.yml'], 'applies to one compose file'],
  ])('exits 2 on %j', (argv, message) => {
    const r = cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('prints help and version', () => {
    expect(cli('--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: spin-policy check') });
    expect(cli('--version')).toMatchObject({ code: 0, stdout: '9.9.9\n' });
  });
});
