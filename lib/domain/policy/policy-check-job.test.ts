import { describe, expect, it } from 'vitest';
import { yamlAliasBomb } from '@/test/helpers/yaml-alias-bomb';
import { composeYaml } from '@/lib/domain/policy/compose-yaml';
import { runPolicyCheckJob } from './policy-check-job';

function services(count: number, v1 = false): string {
  const body = Array.from({ length: count }, (_, i) => `web-${i}:\n  image: nginx:1.15\n  cap_drop: [ALL]`).join('\n');
  return v1 ? `${body}\n` : composeYaml(body);
}

describe('runPolicyCheckJob', () => {
  it('checks a compose file and counts its findings', () => {
    const outcome = runPolicyCheckJob({ compose: composeYaml('web:\n  image: nginx:1.15\n  privileged: true') });
    expect(outcome).toMatchObject({ kind: 'checked', summary: { errors: 1 } });
    if (outcome.kind === 'checked') expect(outcome.findings.map((f) => f.ruleId)).toContain('no-privileged');
  });

  it.each([
    { name: 'at the limit', compose: services(200), kind: 'checked' },
    { name: 'over the limit', compose: services(201), kind: 'too-many-services' },
    { name: 'over the limit, compose v1', compose: services(201, true), kind: 'too-many-services' },
  ])('takes at most 200 services ($name)', ({ compose, kind }) => {
    expect(runPolicyCheckJob({ compose }).kind).toBe(kind);
  });

  it('names the service count it refused', () => {
    expect(runPolicyCheckJob({ compose: services(250) })).toEqual({ kind: 'too-many-services', services: 250 });
  });

  it.each([
    { name: 'an alias bomb', body: { compose: yamlAliasBomb() } },
    { name: 'bad YAML', body: { compose: 'services:\n  web: [\n' } },
    { name: 'a compose file that is a list', body: { compose: '- web\n', stackName: 'foo-jgi-doe' } },
  ])('calls $name unreadable, with the finding that says where', ({ body }) => {
    const outcome = runPolicyCheckJob(body);
    expect(outcome.kind).toBe('unreadable');
    if (outcome.kind === 'unreadable') expect(outcome.findings).toContainEqual(expect.objectContaining({ ruleId: 'input-malformed', path: '' }));
  });

  it('still checks a readable file whose settings are malformed', () => {
    const outcome = runPolicyCheckJob({ compose: composeYaml('web:\n  image: nginx:1.15\n  ports:\n    - "80:http"') });
    expect(outcome).toMatchObject({ kind: 'checked', findings: expect.arrayContaining([expect.objectContaining({ ruleId: 'input-malformed', path: '/services/web/ports/0' })]) });
  });
});
