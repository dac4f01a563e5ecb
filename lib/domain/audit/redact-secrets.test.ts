import { describe, expect, it } from 'vitest';
import { isSecretName, isSecretPath, redactDetails, redacted, redactText } from './redact-secrets';

describe('isSecretName', () => {
  const cases = [
    { name: 'MYSQL_ROOT_PASSWORD', secret: true },
    { name: 'DB_PASS', secret: true },
    { name: 'dbPassword', secret: true },
    { name: 'GITHUBTOKEN', secret: true },
    { name: 'AWS_SECRET_ACCESS_KEY', secret: true },
    { name: 'api-key', secret: true },
    { name: 'apiKey', secret: true },
    { name: 'SSH_PRIVATE_KEY', secret: true },
    { name: 'GOOGLE_APPLICATION_CREDENTIALS', secret: true },
    { name: 'SESSION_COOKIE', secret: true },
    { name: 'PWD', secret: true },
    { name: 'DEBUG', secret: false },
    { name: 'DB_HOST', secret: false },
    { name: 'PASSENGER_COUNT', secret: false },
    { name: 'image', secret: false },
  ];
  it.each(cases)('$name → $secret', ({ name, secret }) => {
    expect(isSecretName(name)).toBe(secret);
  });
});

describe('redactText', () => {
  it('hides passwords in URLs but keeps the rest', () => {
    expect(redactText('postgres://app:s3cr3t@db:5432/x and https://example.org/a:b@c')).toBe(
      `postgres://app:${redacted}@db:5432/x and https://example.org/a:b@c`,
    );
  });

  it('hides PEM private keys, even unterminated', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----';
    expect(redactText(`key: ${pem} end`)).toBe(`key: ${redacted} end`);
    expect(redactText('-----BEGIN PRIVATE KEY-----\nMIIE')).toBe(redacted);
  });
});

describe('isSecretPath', () => {
  it.each([
    { path: '/environment/DB_PASSWORD', secret: true },
    { path: '/secondaryLaunchConfigs/0/environment/API_TOKEN', secret: true },
    { path: '/environment/DEBUG', secret: false },
    { path: '/labels/io.rancher.token', secret: false },
    { path: '/environment', secret: false },
  ])('$path → $secret', ({ path, secret }) => {
    expect(isSecretPath(path)).toBe(secret);
  });
});

describe('redactDetails', () => {
  it('hides secret-named scalars, change values under secret env paths and secrets in any string', () => {
    const details = {
      password: 'hunter2',
      nested: { apiToken: 42, note: 'see https://u:pw@host/' },
      changes: [
        { path: '/environment/DB_PASSWORD', op: 'replace', before: 'a', after: 'b' },
        { path: '/environment/DEBUG', op: 'add', after: '1' },
      ],
      tokens: ['not', 'hidden'],
    };
    expect(redactDetails(details)).toEqual({
      password: redacted,
      nested: { apiToken: redacted, note: `see https://u:${redacted}@host/` },
      changes: [
        { path: '/environment/DB_PASSWORD', op: 'replace', before: redacted, after: redacted },
        { path: '/environment/DEBUG', op: 'add', after: '1' },
      ],
      tokens: ['not', 'hidden'],
    });
    expect(details.password).toBe('hunter2');
  });

  it('walks into a whole environment map that was added', () => {
    expect(redactDetails({ path: '/environment', after: { DB_PASSWORD: 'x', DEBUG: '1' } })).toEqual({
      path: '/environment',
      after: { DB_PASSWORD: redacted, DEBUG: '1' },
    });
  });
});
