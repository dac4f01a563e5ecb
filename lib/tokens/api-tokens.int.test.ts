import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startDemoLdap } from '@/demo/ldap-server';
import { startSim, type RunningSim } from '@/sim/start-sim';
import { idsByName } from '@/test/helpers/container-ids';
import { freePort } from '@/test/helpers/free-port';
import { productionEnv, startPortalProcess, type PortalProcess } from '@/test/helpers/portal-process';
import { signIn } from '@/test/helpers/portal-session';
import { upgradeRefusal } from '@/test/helpers/upgrade-refusal';

// Personal API tokens end to end (DESIGN.md "Personal API tokens"), against a portal whose directory
// this test owns, so that it can take barney out of his group while the portal runs.
const rateLimitPerMinute = 20;
let sim: RunningSim;
let ldap: Awaited<ReturnType<typeof startDemoLdap>>;
let ldapPort: number;
let portal: PortalProcess;
let dir: string;
let sqlitePath: string;
let ids: Record<string, string>;
const cookies: Record<string, string> = {};

interface Created {
  id: string;
  name: string;
  token: string;
  accessKey: string;
  secretKey: string;
  expiresAt: string;
  stackIds: string[] | null;
  rights: string[] | null;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spin-tokens-'));
  sqlitePath = join(dir, 'portal.db');
  sim = await startSim({ stepMs: 20 });
  ldapPort = await freePort();
  ldap = await startDemoLdap({ port: ldapPort });
  const settings = productionEnv({ rancherUrl: sim.url, accessKey: sim.accessKey, secretKey: sim.secretKey, ldapUrl: ldap.url });
  portal = await startPortalProcess((port) => ({
    ...settings(port),
    SQLITE_PATH: sqlitePath,
    GROUP_REFRESH_SECONDS: '1',
    TOKEN_RATE_LIMIT_PER_MINUTE: String(rateLimitPerMinute),
  }));
  for (const user of ['fred', 'barney', 'dino', 'wilma']) cookies[user] = await signIn(portal.url, user);
  ids = await idsByName(portal.url, cookies.wilma ?? '');
}, 300_000);

afterAll(async () => {
  await portal?.stop();
  await ldap?.close();
  await sim?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function createToken(user: string, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${portal.url}/api/v1/tokens`, {
    method: 'POST',
    headers: { cookie: cookies[user] ?? '', origin: portal.url, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function tokenOf(user: string, body: Record<string, unknown> = {}): Promise<Created> {
  const res = await createToken(user, { name: 'ci', expiresInDays: 30, ...body });
  expect(res.status).toBe(201);
  return (await res.json()) as Created;
}

const bearer = (created: Created, extra: Record<string, string> = {}) => ({ headers: { authorization: `Bearer ${created.token}`, ...extra } });
const get = (path: string, created: Created) => fetch(`${portal.url}${path}`, bearer(created));
const post = (path: string, created: Created) =>
  fetch(`${portal.url}${path}`, { method: 'POST', ...bearer(created, { 'content-type': 'application/json' }), body: '{}' });
const stackNames = async (created: Created) => ((await (await get('/api/v1/stacks', created)).json()) as { stacks: { name: string }[] }).stacks.map((s) => s.name).sort();
const restartPath = (stack: string, service: string) => `/api/v1/stacks/${ids[stack]}/services/${ids[`${stack}/${service}`]}/restart`;
const logsSocket = (containerName: string, headers: Record<string, string>) =>
  new WebSocket(`${portal.url.replace('http', 'ws')}/api/v1/containers/${ids[containerName]}/logs?tail=5&follow=0`, { headers });

function sqlite<T>(run: (db: InstanceType<typeof Database>) => T): T {
  const db = new Database(sqlitePath);
  try {
    db.exec('pragma busy_timeout = 5000');
    return run(db);
  } finally {
    db.close();
  }
}

describe('personal API tokens', () => {
  it('shows the secret once, at creation, with the rancher CLI key pair; the list never shows it', async () => {
    const created = await tokenOf('fred', { name: 'deploy web' });
    expect(created.token).toMatch(/^spinpat_[a-z0-9]{12}_[A-Za-z0-9]{40}$/);
    expect(created.accessKey).toBe(`spinpat_${created.id}`);
    expect(created.token).toBe(`${created.accessKey}_${created.secretKey}`);
    const list = await fetch(`${portal.url}/api/v1/tokens`, { headers: { cookie: cookies.fred ?? '' } });
    const text = await list.text();
    expect(list.status).toBe(200);
    expect(text).toContain(created.id);
    expect(text).not.toContain(created.secretKey);
  });

  it('stores the SHA-256 of the token, never the secret', async () => {
    const created = await tokenOf('fred');
    const rows = sqlite((db) => db.prepare('select * from api_tokens where id = ?').all(created.id)) as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    const { createHash } = await import('node:crypto');
    expect(rows[0]?.hash).toBe(createHash('sha256').update(created.token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(created.secretKey);
  });

  it('acts as its owner: fred’s token sees fred’s stacks and none of dino’s', async () => {
    const created = await tokenOf('fred');
    expect(await stackNames(created)).toEqual(['bar-nersc', 'foo-jgi-doe', 'foo-jgi-doe-dev']);
    const res = await get(`/api/v1/stacks/${ids['genome-browser']}`, created);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { detail: string }).detail).toBe(`No stack ${ids['genome-browser']} is shared with you.`);
  });

  it('refuses a stack its owner may not see at creation with 422 naming the field', async () => {
    const res = await createToken('fred', { name: 'greedy', expiresInDays: 30, stackIds: [ids['foo-jgi-doe'], ids['genome-browser']] });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: { path: string }[] }).errors).toEqual([expect.objectContaining({ path: 'stackIds.1' })]);
  });

  it('narrowed to one stack: the others answer 404 as for a session', async () => {
    const created = await tokenOf('fred', { stackIds: [ids['bar-nersc']] });
    expect(await stackNames(created)).toEqual(['bar-nersc']);
    expect((await get(`/api/v1/stacks/${ids['foo-jgi-doe']}`, created)).status).toBe(404);
    expect((await post(restartPath('foo-jgi-doe', 'web'), created)).status).toBe(404);
  });

  it('limited to logs: reads logs over a websocket without Origin, but may not restart (403)', async () => {
    const created = await tokenOf('fred', { rights: ['logs'] });
    expect(created.rights).toEqual(['view', 'logs']);
    const restart = await post(restartPath('foo-jgi-doe', 'web'), created);
    expect(restart.status).toBe(403);
    const ws = logsSocket('foo-jgi-doe-web-1', { authorization: `Bearer ${created.token}` });
    const frames: Record<string, unknown>[] = [];
    await new Promise<void>((done, fail) => {
      ws.on('message', (data) => frames.push(JSON.parse(data.toString()) as Record<string, unknown>));
      ws.on('unexpected-response', (_req, res) => fail(new Error(`upgrade refused with ${res.statusCode}`)));
      ws.on('close', () => done());
    });
    expect(frames.filter((f) => typeof f.line === 'string').length).toBeGreaterThan(0);
  });

  it('refuses a websocket with a revoked token (401) and one from a foreign page without a token (403)', async () => {
    const created = await tokenOf('fred');
    const revoke = await fetch(`${portal.url}/api/v1/tokens/${created.id}`, { method: 'DELETE', headers: { cookie: cookies.fred ?? '', origin: portal.url, 'content-type': 'application/json' } });
    expect(revoke.status).toBe(204);
    expect((await upgradeRefusal(logsSocket('foo-jgi-doe-web-1', { authorization: `Bearer ${created.token}` }))).status).toBe(401);
    expect((await upgradeRefusal(logsSocket('foo-jgi-doe-web-1', { cookie: cookies.fred ?? '', origin: 'http://evil.example' }))).status).toBe(403);
  });

  it('closes an open websocket once its token is revoked', async () => {
    const created = await tokenOf('fred');
    const ws = new WebSocket(`${portal.url.replace('http', 'ws')}/api/v1/containers/${ids['foo-jgi-doe-web-1']}/logs?tail=1&follow=1`, {
      headers: { authorization: `Bearer ${created.token}` },
    });
    const closed = new Promise<number>((done) => ws.on('close', (code) => done(code)));
    await new Promise((done) => ws.once('open', done));
    const revokedAt = Date.now();
    await fetch(`${portal.url}/api/v1/tokens/${created.id}`, { method: 'DELETE', headers: { cookie: cookies.fred ?? '', origin: portal.url, 'content-type': 'application/json' } });
    expect(await closed).toBe(4401);
    expect(Date.now() - revokedAt).toBeLessThan(5_000);
  });

  it('answers 401, shaped as for a missing session, to a revoked, an expired or an unknown token', async () => {
    const revoked = await tokenOf('fred');
    expect((await get('/api/v1/stacks', revoked)).status).toBe(200);
    await fetch(`${portal.url}/api/v1/tokens/${revoked.id}`, { method: 'DELETE', headers: { cookie: cookies.fred ?? '', origin: portal.url, 'content-type': 'application/json' } });
    const expired = await tokenOf('fred');
    sqlite((db) => db.prepare('update api_tokens set expires_at = 0 where id = ?').run(expired.id));
    const unknown = { ...revoked, token: `spinpat_${'0'.repeat(12)}_${'A'.repeat(40)}` };
    const anonymous = (await (await fetch(`${portal.url}/api/v1/stacks`)).json()) as Record<string, unknown>;
    for (const created of [revoked, expired, unknown]) {
      const res = await get('/api/v1/stacks', created);
      expect(res.status).toBe(401);
      const problem = (await res.json()) as Record<string, unknown>;
      expect(Object.keys(problem).sort()).toEqual(Object.keys(anonymous).sort());
      expect(problem).toMatchObject({ type: anonymous.type, title: anonymous.title, status: 401 });
    }
  });

  it('refuses a request with both a bearer token and a session cookie (400)', async () => {
    const created = await tokenOf('fred');
    const res = await fetch(`${portal.url}/api/v1/stacks`, bearer(created, { cookie: cookies.fred ?? '' }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toBe('Send either an API token or a session cookie, not both.');
  });

  it('cannot make, list or revoke tokens, nor become a browser session', async () => {
    const created = await tokenOf('fred');
    const make = await fetch(`${portal.url}/api/v1/tokens`, { method: 'POST', ...bearer(created, { 'content-type': 'application/json' }), body: '{"name":"x","expiresInDays":1}' });
    expect(make.status).toBe(403);
    expect((await get('/api/v1/tokens', created)).status).toBe(403);
    expect((await fetch(`${portal.url}/api/v1/tokens/${created.id}`, { method: 'DELETE', ...bearer(created, { 'content-type': 'application/json' }) })).status).toBe(403);
    expect((await get('/api/v1/sessions', created)).status).toBe(403);
    await expect(signIn(portal.url, created.accessKey, created.secretKey)).rejects.toThrow(/sign-in as spinpat_/);
  });

  it('lets the owner or staff revoke, and answers 404 to anyone else', async () => {
    const freds = await tokenOf('fred');
    const revoke = (user: string, id: string) => fetch(`${portal.url}/api/v1/tokens/${id}`, { method: 'DELETE', headers: { cookie: cookies[user] ?? '', origin: portal.url, 'content-type': 'application/json' } });
    expect((await revoke('dino', freds.id)).status).toBe(404);
    const all = (await (await fetch(`${portal.url}/api/v1/tokens?all=1`, { headers: { cookie: cookies.wilma ?? '' } })).json()) as { tokens: { id: string; owner: string }[] };
    expect(all.tokens.find((t) => t.id === freds.id)?.owner).toBe('fred');
    expect((await fetch(`${portal.url}/api/v1/tokens?all=1`, { headers: { cookie: cookies.fred ?? '' } })).status).toBe(403);
    expect((await revoke('wilma', freds.id)).status).toBe(204);
    expect((await get('/api/v1/stacks', freds)).status).toBe(401);
  });

  it('records every action made with a token in the activity record, with the token’s id and its owner', async () => {
    const created = await tokenOf('fred', { stackIds: [ids['foo-jgi-doe']] });
    // The logs first: a container being restarted may end its log stream early.
    const logs = logsSocket('foo-jgi-doe-web-1', { authorization: `Bearer ${created.token}` });
    await new Promise((done) => logs.on('close', done));
    expect((await post(restartPath('foo-jgi-doe', 'app'), created)).ok).toBe(true);
    const refused = await post(restartPath('bar-nersc', 'web'), created);
    expect(refused.status).toBe(404);
    const events = async (query: string) =>
      ((await (await fetch(`${portal.url}/api/v1/activity?${query}`, { headers: { cookie: cookies.wilma ?? '' } })).json()) as {
        events: { actor: string; action: string; outcome: string; serviceName: string | null; tokenId: string | null; details: Record<string, unknown> | null }[];
      }).events;
    const byToken = (await events('actor=fred')).filter((e) => e.tokenId === created.id);
    expect(byToken.map((e) => `${e.action} ${e.outcome}`).sort()).toEqual(['logs.close ok', 'logs.open ok', 'service.restart denied', 'service.restart ok']);
    const creation = await events('action=token.create');
    expect(creation.find((e) => e.details?.id === created.id)).toMatchObject({ actor: 'fred', tokenId: null });
  });

  it('records the last use and its address in the list', async () => {
    const created = await tokenOf('fred');
    await get('/api/v1/stacks', created);
    const list = (await (await fetch(`${portal.url}/api/v1/tokens`, { headers: { cookie: cookies.fred ?? '' } })).json()) as { tokens: { id: string; lastUsedAt: string | null; lastUsedAddress: string | null }[] };
    const listed = list.tokens.find((t) => t.id === created.id);
    expect(listed?.lastUsedAddress).toBe('127.0.0.1');
    expect(Date.now() - Date.parse(listed?.lastUsedAt ?? '')).toBeLessThan(60_000);
  });

  it('answers 429 with Retry-After once a token is past its rate, and other tokens still work', async () => {
    const busy = await tokenOf('fred');
    const statuses: number[] = [];
    for (let i = 0; i <= rateLimitPerMinute; i++) statuses.push((await get('/api/v1/environments', busy)).status);
    expect(statuses.slice(0, rateLimitPerMinute).every((s) => s === 200)).toBe(true);
    const limited = await get('/api/v1/environments', busy);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await get('/api/v1/environments', await tokenOf('fred'))).status).toBe(200);
  });

  // Last: it changes the directory.
  it('follows the directory: once barney leaves csg, his token no longer reaches csg’s stack, and his open log socket there closes', async () => {
    const created = await tokenOf('barney');
    expect(await stackNames(created)).toContain('foo-jgi-doe');
    const ws = new WebSocket(`${portal.url.replace('http', 'ws')}/api/v1/containers/${ids['foo-jgi-doe-web-1']}/logs?tail=1&follow=1`, {
      headers: { authorization: `Bearer ${created.token}` },
    });
    const closed = new Promise<{ code: number; reason: string }>((done) => ws.on('close', (code, reason) => done({ code, reason: reason.toString() })));
    await new Promise((done) => ws.once('open', done));
    const ldif = readFileSync(resolve('demo', 'directory.ldif'), 'utf8').replace(/(dn: cn=csg,[\s\S]*?)memberUid: barney\n/, '$1');
    const ldifPath = join(dir, 'directory.ldif');
    writeFileSync(ldifPath, ldif);
    await ldap.close();
    ldap = await startDemoLdap({ port: ldapPort, ldifPath });
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await stackNames(created)).not.toContain('foo-jgi-doe');
    expect((await get(`/api/v1/stacks/${ids['foo-jgi-doe']}`, created)).status).toBe(404);
    expect(await closed).toEqual({ code: 4401, reason: 'a group membership has ended' });
  });
});
