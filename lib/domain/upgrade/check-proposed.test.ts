import { describe, expect, it } from 'vitest';
import { buildUpgrade } from './build-upgrade';
import { checkProposed } from './check-proposed';
import { formStateFrom } from './upgrade-form-state';

// foo-jgi-doe/web of the demo world.
const current = {
  imageUuid: 'docker:nginx:1.15.12-alpine',
  capDrop: ['ALL'],
  capAdd: ['CHOWN', 'SETGID', 'SETUID', 'NET_BIND_SERVICE'],
  ports: ['60000:8080/tcp'],
  labels: { 'io.rancher.container.pull_image': 'always' },
};
const context = {
  serviceName: 'web',
  stackName: 'foo-jgi-doe',
  stackTags: { owner: 'fred', staffOwner: 'wilma', group: 'csg', staffGroup: 'isg', fqdn: 'foo.jgi.doe.gov' },
  stackServices: [{ name: 'web', state: 'active' }],
};

function verdict(edit: Partial<ReturnType<typeof formStateFrom>>) {
  const built = buildUpgrade(current, { ...formStateFrom(current), ...edit });
  const result = checkProposed(context, current, built.proposed);
  return { result, bySeverity: (severity: string) => result.findings.filter((f) => f.severity === severity).map((f) => [f.ruleId, f.path]) };
}

describe('checkProposed on form edits', () => {
  it('passes a new pinned tag', () => {
    const { result, bySeverity } = verdict({ tag: '1.27' });
    expect(result.blocked).toBe(false);
    expect(bySeverity('error')).toEqual([]);
    expect(bySeverity('warning')).toEqual([]);
  });

  it('blocks privileged mode, at the privileged field', () => {
    const { result, bySeverity } = verdict({ advanced: 'capDrop: [ALL]\ncapAdd: [CHOWN, SETGID, SETUID, NET_BIND_SERVICE]\nports: ["60000:8080/tcp"]\nprivileged: true\n' });
    expect(result.blocked).toBe(true);
    expect(bySeverity('error')).toEqual([['no-privileged', '/proposed/privileged']]);
  });

  it('warns about :latest without the pull label, at the labels', () => {
    const { result, bySeverity } = verdict({ tag: 'latest', labels: [] });
    expect(result.blocked).toBe(false);
    expect(bySeverity('warning')).toEqual(expect.arrayContaining([['latest-requires-pull-always', '/proposed/labels'], ['image-tag-not-latest', '/proposed/imageUuid']]));
  });

  it('warns about a secret-looking variable, at its row', () => {
    const { bySeverity } = verdict({ env: [{ id: 'p', name: 'DB_PASSWORD', value: 'hunter2' }] });
    expect(bySeverity('warning')).toContainEqual(['secret-not-in-env', '/proposed/environment/DB_PASSWORD']);
  });

  it('checks the stack tags it was given', () => {
    const built = buildUpgrade(current, { ...formStateFrom(current), tag: '1.27' });
    const untagged = checkProposed({ ...context, stackTags: {} }, current, built.proposed);
    expect(untagged.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId)).toContain('stack-tag-owner');
  });
});
