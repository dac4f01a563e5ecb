import { describe, expect, it } from 'vitest';
import { policyCheckRequest } from './check-input';

function messages(body: unknown): string[] {
  const r = policyCheckRequest.safeParse(body);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

// Issue #17: these used to parse, and the route answered "0 errors" for a request that checked nothing.
describe('policyCheckRequest', () => {
  it.each([
    { name: 'empty', body: {} },
    { name: 'only modifiers', body: { profile: '2018-10', service: 'web', waivers: 'waivers: []\n' } },
  ])('refuses a request with nothing to check ($name), naming what to send', ({ body }) => {
    expect(messages(body)).toEqual(['Nothing to check: send at least one of compose, rancherCompose, stackTags, stackName, current, proposed, dockerfile.']);
  });

  it('refuses unknown fields, naming them and the fields it takes', () => {
    const [unknown] = messages({ compose: "version: '2'\n", composeFile: 'x', rancher: 1 });
    expect(unknown).toMatch(/^Unknown field composeFile, rancher: a policy check takes compose, rancherCompose, /);
  });

  it.each([
    { name: 'compose', body: { compose: "version: '2'\nservices: {}\n" } },
    { name: 'stack tags', body: { stackTags: 'owner:fred' } },
    { name: 'stack name', body: { stackName: 'foo-jgi-doe' } },
    { name: 'an upgrade', body: { current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:nginx:1.16' }, service: 'web' } },
    { name: 'a Dockerfile', body: { dockerfile: 'FROM nginx:1.15\n', profile: '2019-05' } },
  ])('accepts $name', ({ body }) => {
    expect(messages(body)).toEqual([]);
  });
});
