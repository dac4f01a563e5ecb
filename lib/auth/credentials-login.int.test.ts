import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortalProcess, type PortalProcess } from '@/test/helpers/portal-process';

// The scripted login of DESIGN.md, exactly as a shell script would do it with curl.
let portal: PortalProcess;
let workDir: string;

beforeAll(async () => {
  portal = await startPortalProcess();
  workDir = mkdtempSync(join(tmpdir(), 'spin-portal-curl-'));
}, 300_000);

afterAll(async () => {
  await portal?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

function curl(args: string[]): { status: number; headers: string; body: string } {
  const headerFile = join(workDir, 'headers.txt');
  const result = spawnSync('curl', ['-sS', '-D', headerFile, '-w', '\n%{http_code}', ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`curl failed: ${result.stderr}`);
  const lines = result.stdout.split('\n');
  const status = Number(lines.pop());
  return { status, body: lines.join('\n'), headers: spawnSync('cat', [headerFile], { encoding: 'utf8' }).stdout };
}

function csrfToken(jar: string): string {
  const { body } = curl(['-c', jar, '-b', jar, `${portal.url}/api/auth/csrf`]);
  return (JSON.parse(body) as { csrfToken: string }).csrfToken;
}

function login(jar: string, username: string, password: string) {
  const token = csrfToken(jar);
  return curl(['-c', jar, '-b', jar, '--data-urlencode', `username=${username}`, '--data-urlencode', `password=${password}`, '--data-urlencode', `csrfToken=${token}`, `${portal.url}/api/auth/callback/credentials`]);
}

describe('login through the HTTP credentials flow with curl', () => {
  it('signs fred in and the session cookie carries his groups', () => {
    const jar = join(workDir, 'fred.jar');
    const res = login(jar, 'fred', 'spin-demo');
    expect(res.status).toBe(302);
    expect(res.headers).toMatch(/set-cookie: next-auth\.session-token=[^;]+;.*HttpOnly; SameSite=Lax/i);
    const session = JSON.parse(curl(['-b', jar, `${portal.url}/api/auth/session`]).body);
    expect(session.user).toEqual({ name: 'Fred Flintstone', uid: 'fred', groups: ['csg'], isStaff: false });
    expect(Date.parse(session.expires) - Date.now()).toBeGreaterThan(7.9 * 3600_000);
  });

  it('knows staff', () => {
    const jar = join(workDir, 'wilma.jar');
    expect(login(jar, 'wilma', 'spin-demo').status).toBe(302);
    expect(JSON.parse(curl(['-b', jar, `${portal.url}/api/auth/session`]).body).user).toMatchObject({ uid: 'wilma', isStaff: true });
  });

  it.each([
    ['a wrong password', 'fred', 'nope'],
    ['an empty password', 'fred', ''],
    ['an unknown user', 'nobody', 'spin-demo'],
    ['the passwordless collaboration account', 'c_flintstones', 'spin-demo'],
    ['a filter injection', 'fred)(uid=*', 'spin-demo'],
  ])('refuses %s with 401 problem+json and no session', (_name, username, password) => {
    const jar = join(workDir, `refused-${username.replace(/\W/g, '')}.jar`);
    const res = login(jar, username, password);
    expect(res.status).toBe(401);
    expect(res.headers).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(res.body)).toMatchObject({ status: 401, detail: 'Wrong username or password.' });
    expect(JSON.parse(curl(['-b', jar, `${portal.url}/api/auth/session`]).body)).toEqual({});
  });

  it('answers the sixth failed try for one username with 429 and Retry-After', () => {
    const jar = join(workDir, 'pebbles.jar');
    for (let i = 0; i < 5; i++) expect(login(jar, 'pebbles', `wrong-${i}`).status).toBe(401);
    const refused = login(jar, 'pebbles', 'spin-demo');
    expect(refused.status).toBe(429);
    const retryAfter = Number(/retry-after: (\d+)/i.exec(refused.headers)?.[1]);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(JSON.parse(refused.body).detail).toBe('Too many attempts, wait 15 minutes.');
  });
});

describe('a directory that is down', () => {
  it('answers 503 "directory unavailable", never "wrong password"', async () => {
    const down = await startPortalProcess({
      RANCHER_URL: 'http://127.0.0.1:9',
      RANCHER_ACCESS_KEY: 'AK',
      RANCHER_SECRET_KEY: 'SK',
      LDAP_URL: 'ldap://127.0.0.1:9',
      LDAP_BASE_DN: 'dc=nersc,dc=gov',
      LDAP_USER_DN_TEMPLATE: 'uid={uid},ou=people,dc=nersc,dc=gov',
      LDAP_TIMEOUT_MS: '2000',
      NEXTAUTH_SECRET: 'x'.repeat(40),
      NEXTAUTH_URL: 'http://127.0.0.1',
    });
    try {
      const jar = join(workDir, 'down.jar');
      const { body } = curl(['-c', jar, '-b', jar, `${down.url}/api/auth/csrf`]);
      const token = (JSON.parse(body) as { csrfToken: string }).csrfToken;
      const res = curl(['-c', jar, '-b', jar, '-d', `username=fred&password=spin-demo&csrfToken=${token}`, `${down.url}/api/auth/callback/credentials`]);
      expect(res.status).toBe(503);
      expect(JSON.parse(res.body).detail).toBe('The directory is unavailable, try again shortly.');
    } finally {
      await down.stop();
    }
  }, 120_000);
});
