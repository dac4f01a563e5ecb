import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idsByName } from '@/test/helpers/container-ids';
import { readSession, signIn } from '@/test/helpers/portal-session';
import { startPortalWorld, type PortalWorld } from '@/test/helpers/portal-world';
import { SocketClient } from '@/test/helpers/socket-client';

// Limits of seconds: 3 s without a request ends a session, and none lasts longer than 7.2 s.
const idleMs = 3_000;
const maxMs = 7_200;
let world: PortalWorld;
let url: string;

beforeAll(async () => {
  world = await startPortalWorld({}, { SESSION_IDLE_MINUTES: String(idleMs / 60_000), SESSION_MAX_HOURS: String(maxMs / 3_600_000) });
  url = world.portal.url;
}, 300_000);

afterAll(async () => {
  await world?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stacksStatus = async (cookie: string) => (await fetch(`${url}/api/v1/stacks`, { headers: { cookie } })).status;

async function lastExpiry(uid: string) {
  const res = await fetch(`${url}/api/v1/activity?action=session.expire&actor=${uid}&limit=1`, { headers: { cookie: await signIn(url, 'wilma') } });
  return ((await res.json()) as { events: { outcome: string; code: string | null }[] }).events[0];
}

describe('session limits', () => {
  it('ends a session unused for longer than the idle limit, and closes its open shell', async () => {
    const fred = await signIn(url, 'fred');
    const ids = await idsByName(url, fred);
    const shell = new SocketClient(url, `/api/v1/containers/${ids['foo-jgi-doe-app-1']}/shell`, fred);
    await shell.frame('ready');
    const quietFrom = Date.now();
    const closed = await shell.closed;
    expect(closed.code).toBe(4401);
    expect(closed.at - quietFrom).toBeLessThan(idleMs + 5_000);
    expect(await stacksStatus(fred)).toBe(401);
    expect((await readSession(url, fred)).body).toEqual({});
    expect(await lastExpiry('fred')).toMatchObject({ outcome: 'ok', code: 'idle' });
  });

  it('keeps a session in use alive past the idle limit, but not past the absolute limit, even with a re-issued cookie', async () => {
    let cookie = await signIn(url, 'barney');
    const signedInAt = Date.now();
    const statuses: { afterMs: number; status: number }[] = [];
    while (Date.now() - signedInAt < maxMs + 3_000) {
      await sleep(700);
      // The idle keeper's read: next-auth re-issues the cookie, so its own expiry moves on each time.
      ({ cookie } = await readSession(url, cookie));
      statuses.push({ afterMs: Date.now() - signedInAt, status: await stacksStatus(cookie) });
    }
    const early = statuses.filter((s) => s.afterMs < maxMs - 500);
    const late = statuses.filter((s) => s.afterMs > maxMs + 500);
    expect(early.length).toBeGreaterThan(5);
    expect(early.every((s) => s.status === 200)).toBe(true);
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((s) => s.status === 401)).toBe(true);
    expect(await lastExpiry('barney')).toMatchObject({ outcome: 'ok', code: 'max-age' });
  });
});
