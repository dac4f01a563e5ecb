import { describe, expect, it } from 'vitest';
import { expectedSecretNames, mountsOf, nextVersionedName, parseSecretName } from './stack-secrets';

describe('parseSecretName', () => {
  const naming = { stack: 'foo-jgi-doe', services: ['web', 'app', 'db'], otherStacks: ['bar-nersc'] };
  it.each([
    ['db.foo-jgi-doe.api_key', { service: 'db', filename: 'api_key' }],
    ['foo-jgi-doe.tls.key', { service: null, filename: 'tls.key' }],
    ['db.foo-jgi-doe.mysql-password.v2', { service: 'db', filename: 'mysql-password.v2' }],
  ])('%s follows the convention', (name, parsed) => {
    expect(parseSecretName(name, naming)).toEqual(parsed);
  });
  it.each(['api_key', 'db.bar-nersc.api_key', 'cache.foo-jgi-doe.api_key', 'foo-jgi-doe.', 'foo-jgi-doe./etc', 'foo-jgi-doe-dev.x'])('%s does not', (name) => {
    expect(parseSecretName(name, naming)).toBeNull();
  });
  it('a name that also ties the secret to another stack of the environment is no one’s', () => {
    const db = { stack: 'db', services: ['web'], otherStacks: ['db', 'foo-jgi-doe'] };
    expect(parseSecretName('db.foo-jgi-doe.mysql_password', db)).toBeNull();
    expect(parseSecretName('db.mysql_password', db)).toEqual({ service: null, filename: 'mysql_password' });
  });
});

describe('helpers', () => {
  it('says the expected forms', () => {
    expect(expectedSecretNames('foo-jgi-doe', 'db')).toBe('db.foo-jgi-doe.<filename> or foo-jgi-doe.<filename>');
  });
  it('reads mounts, skipping malformed ones', () => {
    expect(mountsOf({ secrets: [{ secretId: '1se1', name: 'a', mode: '0400' }, { name: 'no id' }] })).toEqual([{ secretId: '1se1', name: 'a', mode: '0400' }]);
    expect(mountsOf(null)).toEqual([]);
  });
  it('versions names for a rotation', () => {
    expect(nextVersionedName('api_key', new Set())).toBe('api_key.v2');
    expect(nextVersionedName('api_key.v2', new Set(['api_key.v3']))).toBe('api_key.v4');
  });
});
