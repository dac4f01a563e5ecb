import { describe, expect, it } from 'vitest';
import { upgradeInput } from '@/lib/domain/upgrade/upgrade-input';
import { checkProposed } from './check-proposed';
import { redeployUpgrade } from './redeploy-change';
import { mergeLaunchConfig } from '@/lib/domain/rancher/merge-launch-config';

describe('redeployUpgrade', () => {
  it('keeps the image and sets the pull label the policy catalog checks', () => {
    const input = redeployUpgrade({ imageUuid: 'docker:nginx:latest', labels: { tier: 'web' } });
    expect(input).toEqual({ launchConfig: { imageUuid: 'docker:nginx:latest', labels: { 'io.rancher.container.pull_image': 'always' } } });
    expect(upgradeInput.safeParse(input).success).toBe(true);
  });

  it('adds the docker: prefix to a plain reference', () => {
    expect(redeployUpgrade({ imageUuid: 'nginx:1.27' })?.launchConfig.imageUuid).toBe('docker:nginx:1.27');
  });

  it('has nothing to redeploy without an image', () => {
    expect(redeployUpgrade({})).toBeNull();
    expect(redeployUpgrade({ imageUuid: '' })).toBeNull();
  });

  it('satisfies latest-requires-pull-always', () => {
    const current = { imageUuid: 'docker:nginx:latest' };
    const input = redeployUpgrade(current);
    if (!input) throw new Error('expected a redeploy');
    const context = { serviceName: 'web', stackName: 'foo-jgi-doe', stackTags: { owner: 'fred', staffOwner: 'wilma' }, stackServices: [{ name: 'web', state: 'active' }] };
    const ruleIds = (proposed: Record<string, unknown>) => checkProposed(context, current, proposed).findings.map((f) => f.ruleId);
    expect(ruleIds(current)).toContain('latest-requires-pull-always');
    expect(ruleIds(mergeLaunchConfig(current, input.launchConfig))).not.toContain('latest-requires-pull-always');
  });
});
