import { describe, expect, it } from 'vitest';
import { redacted } from './redact-secrets';
import { upgradeDiff } from './upgrade-diff';

describe('upgradeDiff', () => {
  const current = {
    imageUuid: 'docker:nginx:1.26',
    environment: { DEBUG: '0', DB_PASSWORD: 'old-secret', REMOVED: 'x' },
    labels: { 'io.rancher.container.pull_image': 'always' },
    ports: ['8080:80/tcp'],
    privileged: false,
    user: null,
    version: '0',
  };

  it('lists each changed field by JSON pointer, secret values redacted', () => {
    const proposed = {
      ...current,
      imageUuid: 'docker:nginx:1.27',
      environment: { DEBUG: '1', DB_PASSWORD: 'new-secret', ADDED: 'y' },
      labels: { 'io.rancher.container.pull_image': 'always', 'a/b~c': 'z' },
      ports: ['8080:80/tcp', '8443:443/tcp'],
    };
    expect(upgradeDiff(current, proposed)).toEqual([
      { path: '/environment/ADDED', op: 'add', after: 'y' },
      { path: '/environment/DB_PASSWORD', op: 'replace', before: redacted, after: redacted },
      { path: '/environment/DEBUG', op: 'replace', before: '0', after: '1' },
      { path: '/environment/REMOVED', op: 'remove', before: 'x' },
      { path: '/imageUuid', op: 'replace', before: 'docker:nginx:1.26', after: 'docker:nginx:1.27' },
      { path: '/labels/a~1b~0c', op: 'add', after: 'z' },
      { path: '/ports', op: 'replace', before: ['8080:80/tcp'], after: ['8080:80/tcp', '8443:443/tcp'] },
    ]);
  });

  it('finds nothing when nothing changed, and treats null like a missing field', () => {
    const withoutUser: Record<string, unknown> = { ...current };
    delete withoutUser.user;
    expect(upgradeDiff(current, withoutUser)).toEqual([]);
    expect(upgradeDiff(current, structuredClone(current))).toEqual([]);
  });

  it('diffs a whole new map key by key, so its secrets are redacted too', () => {
    expect(upgradeDiff({}, { environment: { API_TOKEN: 't', MODE: 'x' } })).toEqual([
      { path: '/environment/API_TOKEN', op: 'add', after: redacted },
      { path: '/environment/MODE', op: 'add', after: 'x' },
    ]);
  });

  it("reads compose's list form of environment", () => {
    expect(upgradeDiff({ environment: ['A=1', 'SECRET_KEY=abc'] }, { environment: ['A=2', 'SECRET_KEY=def'] })).toEqual([
      { path: '/environment/A', op: 'replace', before: '1', after: '2' },
      { path: '/environment/SECRET_KEY', op: 'replace', before: redacted, after: redacted },
    ]);
  });

  it('reports a map replaced by a scalar as one change', () => {
    expect(upgradeDiff({ logConfig: { driver: 'json-file' } }, { logConfig: 'none' })).toEqual([
      { path: '/logConfig', op: 'replace', before: { driver: 'json-file' }, after: 'none' },
    ]);
  });

  it('hides passwords inside other values', () => {
    expect(upgradeDiff({ command: ['run'] }, { command: ['run', '--db=postgres://u:pw@db/x'] })).toEqual([
      { path: '/command', op: 'replace', before: ['run'], after: ['run', `--db=postgres://u:${redacted}@db/x`] },
    ]);
  });
});
