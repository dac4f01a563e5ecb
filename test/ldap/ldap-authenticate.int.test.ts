// The same cases against a real OpenLDAP slapd and against the embedded demo server, so the demo cannot
// drift from real LDAP. Both serve demo/directory.ldif with the access rules of test/ldap/slapd.conf.
import { createServer, type Server, type Socket } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoLdap } from '@/demo/ldap-server';
import { startSlapd } from '@/test/helpers/slapd';
import { createTestCa } from '@/test/helpers/test-ca';
import { authenticate, readGroups, type LdapSettings } from '@/lib/auth/ldap-authenticate';
import { DirectoryUnavailableError, InvalidCredentialsError, type InvalidCredentialsReason } from '@/lib/auth/ldap-errors';
import { attributeValues } from '@/lib/auth/ldap-attribute';
import { escapeFilterValue } from '@/lib/auth/ldap-escape';

interface RunningDirectory {
  url: string;
  ldapsUrl?: string;
  caFile?: string;
  close(): Promise<void>;
}

const baseDn = 'dc=nersc,dc=gov';
const serviceDn = 'cn=spin-portal,ou=services,dc=nersc,dc=gov';
const password = 'spin-demo';
const injections = ['*', 'fred)(uid=*', 'fred*', 'fred\\00', 'fred\0', 'admin)(|(uid=*'];

const backends = [
  { name: 'OpenLDAP slapd', start: (): Promise<RunningDirectory> => startSlapd({ tls: true }) },
  { name: 'embedded demo server (ldapjs)', start: (): Promise<RunningDirectory> => startDemoLdap({}) },
];

const modes = [
  { mode: 'service-account search', options: { bindDn: serviceDn, bindPassword: password } },
  { mode: 'DN template', options: { userDnTemplate: 'uid={uid},ou=people,dc=nersc,dc=gov' } },
];

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected the directory call to fail'),
    (err: unknown) => err,
  );
}

async function refusedBecause(promise: Promise<unknown>): Promise<InvalidCredentialsReason> {
  const err = await rejection(promise);
  expect(err).toBeInstanceOf(InvalidCredentialsError);
  return (err as InvalidCredentialsError).reason;
}

async function expectUnavailable(promise: Promise<unknown>): Promise<void> {
  expect(await rejection(promise)).toBeInstanceOf(DirectoryUnavailableError);
}

describe.each(backends)('LDAP login against the $name', ({ start }) => {
  let directory: RunningDirectory;
  const settings = (extra: Partial<LdapSettings>): LdapSettings => ({ url: directory.url, baseDn, timeoutMs: 5_000, staffGroup: 'isg', ...extra });

  beforeAll(async () => {
    directory = await start();
  });
  afterAll(async () => {
    await directory?.close();
  });

  describe.each(modes)('$mode', ({ mode, options }) => {
    const use = () => settings(options);

    it('logs fred in with his name, uidNumber and posixGroup (memberUid) group', async () => {
      expect(await authenticate(use(), 'fred', password)).toEqual({ uid: 'fred', name: 'Fred Flintstone', uidNumber: 1001, groups: ['csg'], isStaff: false });
    });

    it('reads groupOfNames (member DN) groups: dino is in genome', async () => {
      expect(await authenticate(use(), 'dino', password)).toMatchObject({ uid: 'dino', uidNumber: 1002, groups: ['genome'], isStaff: false });
    });

    it('makes members of the staff group staff: wilma', async () => {
      expect(await authenticate(use(), 'wilma', password)).toMatchObject({ uid: 'wilma', name: 'Wilma Flintstone', groups: ['isg'], isStaff: true });
    });

    it('logs in someone without any group: pebbles', async () => {
      expect(await authenticate(use(), 'pebbles', password)).toMatchObject({ uid: 'pebbles', groups: [], isStaff: false });
    });

    it('forgives case and spaces around the username', async () => {
      expect(await authenticate(use(), ' Barney ', password)).toMatchObject({ uid: 'barney', groups: ['csg'] });
    });

    it('refuses a wrong password', async () => {
      expect(await refusedBecause(authenticate(use(), 'fred', 'spin-demo2'))).toBe('bind-rejected');
    });

    it('refuses an empty password before any bind', async () => {
      expect(await refusedBecause(authenticate(use(), 'fred', ''))).toBe('empty-password');
    });

    it('refuses an unknown user', async () => {
      const reason = await refusedBecause(authenticate(use(), 'bamm-bamm', password));
      expect(reason).toBe(mode === 'DN template' ? 'bind-rejected' : 'unknown-user');
    });

    it('refuses the passwordless collaboration account, whatever the password', async () => {
      for (const attempt of [password, 'x', ' ']) {
        expect(await refusedBecause(authenticate(use(), 'c_flintstones', attempt))).toBe('bind-rejected');
      }
      expect(await refusedBecause(authenticate(use(), 'c_flintstones', ''))).toBe('empty-password');
    });

    it.each(injections)('refuses the injection attempt %j as a username', async (username) => {
      expect(await refusedBecause(authenticate(use(), username, password))).toBe('invalid-username');
    });

    it('re-reads groups of both kinds and staff without a password', async () => {
      expect(await readGroups(use(), 'fred')).toEqual({ groups: ['csg'], isStaff: false });
      expect(await readGroups(use(), 'dino')).toEqual({ groups: ['genome'], isStaff: false });
      expect(await readGroups(use(), 'wilma')).toEqual({ groups: ['isg'], isStaff: true });
      expect(await readGroups(use(), 'c_flintstones')).toEqual({ groups: ['genome'], isStaff: false });
    });
  });

  it('answers a re-read for someone the service account no longer finds with unknown-user', async () => {
    expect(await refusedBecause(readGroups(settings(modes[0]?.options ?? {}), 'bamm-bamm'))).toBe('unknown-user');
  });

  it('reports a refused service account as the directory being unavailable, not as a wrong password', async () => {
    await expectUnavailable(authenticate(settings({ bindDn: serviceDn, bindPassword: 'wrong' }), 'fred', password));
  });

  it('reports a directory that is down as unavailable', async () => {
    const stopped = await start();
    await stopped.close();
    await expectUnavailable(authenticate(settings({ url: stopped.url, ...modes[1]?.options }), 'fred', password));
  });

  describe('access rules and filter escaping (what the login relies on)', () => {
    let client: Client;
    const uids = async (filter: string) =>
      (await client.search(baseDn, { scope: 'sub', filter, attributes: ['uid'] })).searchEntries.map((e) => e.uid);

    beforeAll(() => {
      client = new Client({ url: directory.url, timeout: 5_000 });
    });
    afterAll(async () => {
      await client.unbind();
    });

    it('hides people from anonymous readers but shows groups', async () => {
      expect(await uids('(uid=fred)')).toEqual([]);
      const groups = await client.search(`ou=groups,${baseDn}`, { scope: 'one', filter: '(objectClass=*)', attributes: ['cn'] });
      expect(groups.searchEntries.map((e) => e.cn).sort()).toEqual(['csg', 'genome', 'isg']);
    });

    it('shows people to the service account, never their password', async () => {
      await client.bind(serviceDn, password);
      const { searchEntries } = await client.search(baseDn, { scope: 'sub', filter: '(uid=fred)', attributes: ['*', 'userPassword'] });
      expect(searchEntries.map((e) => e.dn)).toEqual(['uid=fred,ou=people,dc=nersc,dc=gov']);
      const [fred] = searchEntries;
      expect(fred && attributeValues(fred, 'cn')).toEqual(['Fred Flintstone']);
      expect(fred && attributeValues(fred, 'userPassword')).toEqual([]);
      expect(await uids('(userPassword=*)')).toEqual([]);
    });

    it('matches escaped values literally: no wildcard, no extra filter terms', async () => {
      await client.bind(serviceDn, password);
      // Unescaped, the wildcard does match here, so the escaped cases below prove something.
      expect(await uids('(uid=fred*)')).toEqual(['fred']);
      for (const value of ['fred*', '*', 'fred)(uid=*', 'fred\0']) {
        expect(await uids(`(&(objectClass=posixAccount)(uid=${escapeFilterValue(value)}))`)).toEqual([]);
      }
    });
  });
});

describe('LDAP login over TLS (OpenLDAP slapd, CA generated for the test)', () => {
  let slapd: RunningDirectory;
  let otherCaDir: string;
  let otherCaFile: string;
  const settings = (extra: Partial<LdapSettings>): LdapSettings => ({
    url: slapd.url,
    baseDn,
    timeoutMs: 5_000,
    staffGroup: 'isg',
    bindDn: serviceDn,
    bindPassword: password,
    ...extra,
  });

  beforeAll(async () => {
    slapd = await startSlapd({ tls: true });
    otherCaDir = await mkdtemp(join(tmpdir(), 'spin-other-ca-'));
    otherCaFile = (await createTestCa(otherCaDir)).caFile;
  });
  afterAll(async () => {
    await slapd?.close();
    if (otherCaDir) await rm(otherCaDir, { recursive: true, force: true });
  });

  it('logs in over LDAPS trusting the CA file', async () => {
    expect(await authenticate(settings({ url: slapd.ldapsUrl, caFile: slapd.caFile }), 'wilma', password)).toMatchObject({ isStaff: true });
  });

  it('logs in over StartTLS trusting the CA file', async () => {
    expect(await authenticate(settings({ startTls: true, caFile: slapd.caFile }), 'fred', password)).toMatchObject({ groups: ['csg'] });
  });

  it('still refuses a wrong password over TLS', async () => {
    expect(await refusedBecause(authenticate(settings({ url: slapd.ldapsUrl, caFile: slapd.caFile }), 'fred', 'nope'))).toBe('bind-rejected');
  });

  it('refuses a server certificate the system does not trust (no CA file): unavailable', async () => {
    await expectUnavailable(authenticate(settings({ url: slapd.ldapsUrl }), 'fred', password));
  });

  it('refuses a server certificate signed by another CA, over LDAPS and StartTLS: unavailable', async () => {
    await expectUnavailable(authenticate(settings({ url: slapd.ldapsUrl, caFile: otherCaFile }), 'fred', password));
    await expectUnavailable(authenticate(settings({ startTls: true, caFile: otherCaFile }), 'fred', password));
  });

  it('refuses a trusted certificate that does not name the host (it names 127.0.0.1, not localhost)', async () => {
    for (const url of [slapd.url.replace('127.0.0.1', 'localhost'), slapd.ldapsUrl?.replace('127.0.0.1', 'localhost')]) {
      const err = await rejection(authenticate(settings({ url, startTls: url?.startsWith('ldap:'), caFile: slapd.caFile }), 'fred', password));
      expect(err).toBeInstanceOf(DirectoryUnavailableError);
      expect((err as Error).cause).toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    }
  });

  it('reports a CA file that cannot be read as unavailable', async () => {
    await expectUnavailable(authenticate(settings({ url: slapd.ldapsUrl, caFile: join(otherCaDir, 'missing.pem') }), 'fred', password));
  });
});

describe('a directory that accepts connections but never answers', () => {
  let silent: Server;
  let url: string;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    silent = createServer((socket) => {
      // Read and ignore: a socket whose data is never read would not notice the client leaving.
      socket.resume();
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    url = `ldap://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it.each([
    { name: 'plain', extra: {} },
    { name: 'StartTLS', extra: { startTls: true } },
  ])('gives up after timeoutMs and reports unavailable ($name)', async ({ extra }) => {
    const started = Date.now();
    const settings: LdapSettings = { url, baseDn, timeoutMs: 300, staffGroup: 'isg', bindDn: serviceDn, bindPassword: password, ...extra };
    await expectUnavailable(authenticate(settings, 'fred', password));
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect.poll(() => sockets.size, { timeout: 2_000 }).toBe(0);
  });
});
