/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { checkOperation, checkPolicy, checkUpgrade } from './check';
import { yamlAliasBomb } from '../../../test/helpers/yaml-alias-bomb';
import { composeYaml } from './compose-yaml';

const texts = import.meta.glob('./fixtures/*/*/*.yml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const expected = import.meta.glob('./fixtures/failing/*/expected.json', { import: 'default', eager: true }) as Record<string, unknown[]>;

function stacks(kind: 'clean' | 'failing'): { stack: string; compose: string; rancherCompose?: string; dir: string }[] {
  return Object.keys(texts)
    .filter((k) => k.startsWith(`./fixtures/${kind}/`) && k.endsWith('/docker-compose.yml'))
    .map((k) => {
      const dir = k.slice(0, -'/docker-compose.yml'.length);
      return { dir, stack: dir.split('/').pop() as string, compose: texts[k] as string, rancherCompose: texts[`${dir}/rancher-compose.yml`] };
    });
}

describe('checkPolicy on real-world-shaped stacks', () => {
  it('has fixtures', () => {
    expect(stacks('clean').length).toBeGreaterThanOrEqual(3);
    expect(stacks('failing').length).toBeGreaterThanOrEqual(2);
  });

  it.each(stacks('clean'))('$stack produces no finding at all', ({ stack, compose, rancherCompose }) => {
    const r = checkPolicy({ compose, rancherCompose, stackName: stack });
    expect(r.findings).toEqual([]);
    expect(r.blocked).toBe(false);
  });

  it.each(stacks('failing'))('$stack produces exactly the reviewed findings', ({ dir, stack, compose }) => {
    const r = checkPolicy({ compose, stackName: stack });
    expect(r.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, path: f.path, line: f.line }))).toEqual(expected[`${dir}/expected.json`]);
    expect(r.blocked).toBe(true);
  });
});

describe('checkPolicy', () => {
  it('counts errors and warnings but not info', () => {
    const r = checkPolicy({ compose: composeYaml("web:\n  image: nginx:1.15\n  cap_drop: [ALL]\n  ports: ['60000:8080', '9000:9000', '443:8443']") });
    const bySeverity = (s: string) => r.findings.filter((f) => f.severity === s).length;
    expect(bySeverity('info')).toBeGreaterThan(0);
    expect(r.summary).toEqual({ errors: bySeverity('error'), warnings: bySeverity('warning') });
    expect(r.summary).toEqual({ errors: 1, warnings: 1 });
  });

  it('reports bad YAML as input-malformed at its line and column', () => {
    const r = checkPolicy({ compose: "version: '2'\nservices:\n  web:\n    image: nginx\n   ports: []\n", files: { compose: 'docker-compose.yml' } });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ ruleId: 'input-malformed', severity: 'error', path: '', line: 5, file: 'docker-compose.yml' });
  });

  it('reports an alias bomb as input-malformed instead of throwing (issue #17)', () => {
    const r = checkPolicy({ compose: yamlAliasBomb() });
    expect(r.findings).toEqual([expect.objectContaining({ ruleId: 'input-malformed', path: '', message: expect.stringMatching(/alias bomb/) })]);
  });

  it('never prints an environment value', () => {
    const r = checkPolicy({
      compose: composeYaml('app:\n  image: python:3.7\n  environment:\n    DB_PASSWORD: s3cr3t-value\n    TLS_KEY: "-----BEGIN PRIVATE KEY-----xyz"'),
      current: { imageUuid: 'docker:python:3.7', environment: { API_TOKEN: 'old-t0ken' } },
      proposed: { imageUuid: 'docker:python:3.7', environment: { API_TOKEN: 'new-t0ken' } },
    });
    const out = JSON.stringify(r);
    for (const secret of ['s3cr3t-value', 'xyz', 'old-t0ken', 'new-t0ken']) expect(out).not.toContain(secret);
    expect(r.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['secret-not-in-env', 'diff-env-change']));
  });

  it('classifies ports with the chosen profile', () => {
    const compose = composeYaml("db:\n  image: mongo:3.6\n  cap_drop: [ALL]\n  ports: ['27017:27017']");
    expect(checkPolicy({ compose, profile: '2018-10' }).summary.warnings).toBe(1);
    expect(checkPolicy({ compose }).summary.warnings).toBe(0);
  });

  it('evaluates stack-tag rules only when tags are given', () => {
    const compose = composeYaml('web:\n  image: nginx:1.15\n  cap_drop: [ALL]');
    expect(checkPolicy({ compose, stackName: 'bar-nersc' }).findings).toEqual([]);
    const tagged = checkPolicy({ compose, stackName: 'bar-nersc', stackTags: 'group:csg' });
    expect(tagged.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId).sort()).toEqual(['stack-tag-owner', 'stack-tag-staff-owner']);
  });

  it('points a stack tag finding at the tag inside the group string', () => {
    const r = checkPolicy({ stackName: 'x', stackTags: 'owner:fred, staff-owner:wilma, team:x' });
    const unknown = r.findings.find((f) => f.message.includes('team:x'));
    expect(unknown?.range).toEqual({ start: 31, end: 37 });
  });
});

describe('waivers', () => {
  const compose = composeYaml("app:\n  image: python:3.7\n  cap_drop: [ALL]\n  ports: ['9000:9000']");
  const waiver = (expires: string, extra = '') => `waivers:\n  - id: FW-1\n    rule: port-firewall-class\n    service: app\n    reason: Requested in RITM0012345\n    expires: ${expires}\n${extra}`;

  it('turns a matching finding into waived info', () => {
    const r = checkPolicy({ compose, waivers: waiver('2026-06-30'), now: '2026-01-01T00:00:00Z' });
    expect(r.summary).toEqual({ errors: 0, warnings: 0 });
    expect(r.findings[0]).toMatchObject({ ruleId: 'port-firewall-class', severity: 'info', waived: { waiverId: 'FW-1', expires: '2026-06-30' } });
  });

  it('restores the finding and adds an error once expired', () => {
    const r = checkPolicy({ compose, waivers: waiver('2025-12-31'), now: '2026-01-01T00:00:00Z', files: { waivers: '.spin-policy.yml' } });
    expect(r.summary).toEqual({ errors: 1, warnings: 1 });
    expect(r.findings.find((f) => f.ruleId === 'waiver-expired')).toMatchObject({ path: '/waivers/0/expires', line: 6, column: 5, file: '.spin-policy.yml' });
  });

  it('uses the narrowest matching waiver', () => {
    const text = `${waiver('2025-01-01')}  - id: FW-2\n    rule: port-firewall-class\n    path: /services/app/ports/0\n    reason: Approved\n    expires: 2099-01-01\n`;
    const r = checkPolicy({ compose, waivers: text, now: '2026-01-01T00:00:00Z' });
    expect(r.findings.find((f) => f.ruleId === 'port-firewall-class')?.waived?.waiverId).toBe('FW-2');
  });

  it('refuses a waiver for a rule that cannot be waived', () => {
    const r = checkPolicy({ compose, waivers: 'waivers:\n  - rule: no-privileged\n    reason: x\n    expires: 2099-01-01\n' });
    expect(r.findings.find((f) => f.ruleId === 'input-malformed')).toMatchObject({ input: 'waivers', path: '/waivers/0/rule', line: 2 });
  });

  it('reads trusted Docker Hub namespaces from the same file', () => {
    const lb = composeYaml('lb:\n  image: rancher/lb-service-haproxy:v0.9.1\n  cap_drop: [ALL]');
    expect(checkPolicy({ compose: lb }).summary.warnings).toBe(1);
    expect(checkPolicy({ compose: lb, waivers: 'trustedHubNamespaces: [rancher]\n' }).summary.warnings).toBe(0);
  });
});

describe('checkUpgrade', () => {
  const current = { imageUuid: 'docker:registry.spin.nersc.gov/genome/app:v1', user: '501:124', capDrop: ['ALL'], dataVolumes: ['/global/project/projectdirs/genome/spin/app:/data:ro'] };

  it('passes a tag bump and shows nothing else', () => {
    const r = checkUpgrade({ service: 'app', current, proposed: { ...current, imageUuid: 'docker:registry.spin.nersc.gov/genome/app:v2' } });
    expect(r.findings).toEqual([]);
  });

  it('blocks a proposed root user and shows the change', () => {
    const r = checkUpgrade({ service: 'app', current, proposed: { ...current, user: 'root' } });
    expect(r.blocked).toBe(true);
    expect(r.findings.map((f) => `${f.severity} ${f.ruleId} ${f.path}`)).toEqual([
      'info diff-image-tag-reused /proposed/imageUuid',
      'warning diff-privilege-escalation /proposed/user',
      'warning diff-user-change /proposed/user',
      'error external-fs-non-root /proposed/user',
    ]);
    expect(r.findings.every((f) => f.line === null && f.service === 'app')).toBe(true);
  });

  it('refuses to upgrade a service that is still upgraded', () => {
    const r = checkUpgrade({ service: 'app', current, proposed: current, stackServices: [{ name: 'app', state: 'upgraded' }] });
    expect(r.findings.find((f) => f.ruleId === 'op-upgrade-requires-settled-state')?.severity).toBe('error');
  });
});

describe('checkOperation', () => {
  it('blocks a restart before the upgrade is confirmed, and allows it after', () => {
    expect(checkOperation({ op: 'restart', service: 'web', stackServices: [{ name: 'web', state: 'upgraded' }] }).blocked).toBe(true);
    expect(checkOperation({ op: 'restart', service: 'web', stackServices: [{ name: 'web', state: 'active' }] }).blocked).toBe(false);
  });

  it('lets a mis-tagged stack be stopped', () => {
    const r = checkOperation({ op: 'stop', stackName: 'legacy-stack', stackTags: '', stackServices: [{ name: 'web', state: 'active' }] });
    expect(r.blocked).toBe(false);
    expect(r.summary.warnings).toBe(2);
  });
});
