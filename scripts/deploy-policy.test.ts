import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

interface JsonFinding {
  ruleId: string;
  severity: string;
  waived?: unknown;
}
interface DeployPolicy {
  checkDeployFiles(): string[];
  blockingFindings(report: { findings: JsonFinding[] }): JsonFinding[];
  deployPolicyArgs(profile: string): string[];
}

const root = resolve(__dirname, '..');
const deployPolicy = (): Promise<DeployPolicy> => import(pathToFileURL(join(root, 'scripts/deploy-policy.mjs')).href);

describe('the portal’s own Spin files (deploy/)', () => {
  it('pass spin-policy with no finding under both profiles, Dockerfile included', async () => {
    expect((await deployPolicy()).checkDeployFiles()).toEqual([]);
  }, 60_000);

  it('would be caught: the same check on a copy without read_only and cap_drop reports findings', async () => {
    const { deployPolicyArgs } = await deployPolicy();
    const dir = mkdtempSync(join(tmpdir(), 'deploy-policy-'));
    try {
      const compose = readFileSync(join(root, 'deploy/docker-compose.yml'), 'utf8').replace("image: postgres:16.6-bookworm", 'image: postgres:latest').replace(/    cap_drop:\n      - ALL\n/g, '');
      writeFileSync(join(dir, 'docker-compose.yml'), compose);
      copyFileSync(join(root, 'deploy/rancher-compose.yml'), join(dir, 'rancher-compose.yml'));
      const args = deployPolicyArgs('2019-05').map((a) => a.replace(join(root, 'deploy/docker-compose.yml'), join(dir, 'docker-compose.yml')).replace(join(root, 'deploy/rancher-compose.yml'), join(dir, 'rancher-compose.yml')));
      const result = spawnSync(process.execPath, [join(root, 'bin/spin-policy.mjs'), ...args], { encoding: 'utf8' });
      const rules = (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings.map((f) => f.ruleId);
      expect(rules).toEqual(expect.arrayContaining(['cap-drop-all', 'image-tag-not-latest']));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('counts every unwaived finding, info included', async () => {
    const { blockingFindings } = await deployPolicy();
    const findings = [
      { ruleId: 'a', severity: 'error' },
      { ruleId: 'b', severity: 'warning' },
      { ruleId: 'c', severity: 'info' },
      { ruleId: 'd', severity: 'info', waived: { waiverId: 'w1', reason: 'r', expires: '2027-12-01' } },
    ];
    expect(blockingFindings({ findings }).map((f) => f.ruleId)).toEqual(['a', 'b', 'c']);
  });
});
