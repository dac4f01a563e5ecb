import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, readGroups, type LdapSettings } from './ldap-authenticate';
import { InvalidCredentialsError } from './ldap-errors';

// A listener that only counts connections: the checks below must be decided before any LDAP call.
let listener: Server;
let connections = 0;
let settings: LdapSettings;

beforeAll(async () => {
  listener = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const address = listener.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  settings = { url: `ldap://127.0.0.1:${port}`, baseDn: 'dc=nersc,dc=gov', userDnTemplate: 'uid={uid},ou=people,dc=nersc,dc=gov', timeoutMs: 1_000, staffGroup: 'isg' };
});
afterAll(async () => {
  await new Promise<void>((resolve) => listener.close(() => resolve()));
});

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => expect.fail('expected a refusal'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InvalidCredentialsError);
  expect((err as Error).message).toBe('Wrong username or password.');
  return (err as InvalidCredentialsError).reason;
}

describe('authenticate refuses without asking the directory', () => {
  const usernames = ['', '*', 'fred*', 'fred)(uid=*', 'admin)(|(uid=*', 'fred\0', 'fred\\00', 'uid=fred,ou=people', '1fred', 'a'.repeat(33), 'frédéric'];
  it.each(usernames)('a malformed username: %j', async (username) => {
    expect(await reasonOf(authenticate(settings, username, 'spin-demo'))).toBe('invalid-username');
    expect(connections).toBe(0);
  });

  it('an empty password, which LDAP would take as an anonymous bind', async () => {
    expect(await reasonOf(authenticate(settings, 'fred', ''))).toBe('empty-password');
    expect(connections).toBe(0);
  });

  it('a malformed username on a group re-read', async () => {
    expect(await reasonOf(readGroups(settings, 'fred*'))).toBe('invalid-username');
    expect(connections).toBe(0);
  });
});
