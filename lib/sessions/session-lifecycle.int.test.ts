import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idsByName } from '@/test/helpers/container-ids';
import { jsonPost, readSession, signIn, signOut } from '@/test/helpers/portal-session';
import { startPortalWorld, type PortalWorld } from '@/test/helpers/portal-world';
import { SocketClient } from '@/test/helpers/socket-client';
import { openUnansweringSocket } from '@/test/helpers/unanswering-socket';
import { upgradeRefusal } from '@/test/helpers/upgrade-refusal';

// Sessions are server-side records (DESIGN.md "Contract additions"): the cookie names one, and ending
// the record ends the cookie everywhere, for pages, actions and open websockets alike.
let world: PortalWorld;
let url: string;
let ids: Record<string, string>;

beforeAll(async () => {
  world = await startPortalWorld();
  url = world.portal.url;
  ids = await idsByName(url, await signIn(url, 'wilma'));
}, 300_000);

afterAll(async () => {
  await world?.close();
});

const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const get = (path: string, cookie: string) => fetch(`${url}${path}`, { headers: { cookie } });
const del = (path: string, cookie: string) => fetch(`${url}${path}`, { method: 'DELETE', headers: { cookie, origin: url, 'content-type': 'application/json' } });
const stacksStatus = async (cookie: string) => (await get('/api/v1/stacks', cookie)).status;

interface SessionsBody {
  sessions: { id: string; browser: string; clientAddress: string | null; startedAt: string; lastActiveAt: string; isCurrent: boolean }[];
}
const sessionsOf = async (cookie: string) => (await (await get('/api/v1/sessions', cookie)).json()) as SessionsBody;

async function activity(filter: string): Promise<{ actor: string; action: string; outcome: string; code: string | null; details: Record<string, unknown> | null }[]> {
  const res = await get(`/api/v1/activity?${filter}`, await signIn(url, 'wilma'));
  return ((await res.json()) as { events: [] }).events;
}

function logsSocket(cookie: string) {
  return new SocketClient(url, `/api/v1/containers/${ids['foo-jgi-doe-web-1']}/logs?tail=0&follow=1`, cookie);
}
function shellSocket(cookie: string) {
  return new SocketClient(url, `/api/v1/containers/${ids['foo-jgi-doe-app-1']}/shell?cols=80&rows=24`, cookie);
}

describe('signing out', () => {
  it('ends the session: the old cookie is refused by reads, actions and websockets, and not re-issued', async () => {
    const fred = await signIn(url, 'fred');
    const logs = logsSocket(fred);
    const shell = shellSocket(fred);
    await Promise.all([logs.opened, shell.frame('ready')]);
    expect(await stacksStatus(fred)).toBe(200);

    const signedOutAt = Date.now();
    await signOut(url, fred);

    expect(await stacksStatus(fred)).toBe(401);
    const restart = await fetch(`${url}/api/v1/stacks/${ids['foo-jgi-doe']}/services/${ids['foo-jgi-doe/web']}/restart`, jsonPost(url, fred));
    expect(restart.status).toBe(401);
    expect((await upgradeRefusal(logsSocket(fred).ws)).status).toBe(401);
    expect((await upgradeRefusal(shellSocket(fred).ws)).status).toBe(401);
    const reread = await readSession(url, fred);
    expect(reread.body).toEqual({});
    expect(reread.setCookie.filter((c) => /next-auth\.session-token=[^;]/.test(c))).toEqual([]);

    for (const socket of [logs, shell]) {
      const closed = await socket.closed;
      expect(closed.code).toBe(4401);
      expect(closed.at - signedOutAt).toBeLessThan(5_000);
    }
    expect(await shell.frame('error')).toMatchObject({ message: expect.stringMatching(/session has ended/) });

    const [logout] = await activity('action=logout&actor=fred&limit=1');
    expect(logout).toMatchObject({ actor: 'fred', action: 'logout', outcome: 'ok' });
    const [shellClose] = await activity('action=shell.close&actor=fred&limit=1');
    expect(shellClose?.details).toMatchObject({ reason: 'the session ended' });
  });

  it('cuts a shell whose browser never answers the close, and passes on nothing typed after the close', async () => {
    const dino = await signIn(url, 'dino');
    const shell = await openUnansweringSocket(url, `/api/v1/containers/${ids['genome-browser-web-1']}/shell?cols=80&rows=24`, dino);
    await new Promise((r) => setTimeout(r, 500));
    const endedAt = Date.now();
    await signOut(url, dino);
    // Keep typing, as a client would that never read the close frame: what is typed before the
    // server notices the end (its re-check) reaches the shell, nothing typed after its close does.
    let bytesBeforeClose = 0;
    for (let i = 0; i < 40 && !shell.isCut(); i++) {
      const isClosing = shell.hasCloseFrame();
      shell.sendBinary('echo still-here\n');
      if (!isClosing) bytesBeforeClose += 16;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(shell.hasCloseFrame()).toBe(true);
    expect((await shell.cut) - endedAt).toBeLessThan(5_000);
    shell.destroy();
    await expect.poll(async () => (await activity('action=shell.close&actor=dino&limit=1'))[0]?.details, { timeout: 10_000 }).toMatchObject({ reason: 'the session ended' });
    const [closed] = await activity('action=shell.close&actor=dino&limit=1');
    expect(closed?.details?.bytesIn).toBeLessThanOrEqual(bytesBeforeClose);
  });

  it('ends this browser’s session through DELETE /api/v1/sessions/current before next-auth clears the cookie', async () => {
    const barney = await signIn(url, 'barney');
    const before = (await activity('action=logout&actor=barney')).length;
    expect((await del('/api/v1/sessions/current', barney)).status).toBe(204);
    expect(await stacksStatus(barney)).toBe(401);
    // The button then calls next-auth's sign-out, which finds the record already ended: one logout row.
    await signOut(url, barney);
    expect((await activity('action=logout&actor=barney')).length).toBe(before + 1);
    expect((await del('/api/v1/sessions/current', barney)).status).toBe(401);
  });

  it('records a replayed sign-out of an ended session only once', async () => {
    const barney = await signIn(url, 'barney');
    const before = (await activity('action=logout&actor=barney')).length;
    await signOut(url, barney);
    await signOut(url, barney);
    expect((await activity('action=logout&actor=barney')).length).toBe(before + 1);
  });
});

describe('your sessions', () => {
  it('lists the caller’s sessions with browser, address and times, and marks this one', async () => {
    const here = await signIn(url, 'fred', 'spin-demo', firefox);
    const there = await signIn(url, 'fred');
    const { sessions } = await sessionsOf(here);
    const current = sessions.find((s) => s.isCurrent);
    expect(current).toMatchObject({ browser: 'Firefox 128 on Linux', clientAddress: '127.0.0.1' });
    expect(Date.parse(current?.startedAt ?? '')).toBeLessThanOrEqual(Date.parse(current?.lastActiveAt ?? ''));
    expect(sessions.filter((s) => !s.isCurrent).length).toBeGreaterThanOrEqual(1);
    await signOut(url, here);
    await signOut(url, there);
  });

  it('ends one of one’s own sessions, and answers 404 for someone else’s', async () => {
    const here = await signIn(url, 'dino');
    const there = await signIn(url, 'dino', 'spin-demo', firefox);
    const barney = await signIn(url, 'barney');
    const thereId = (await sessionsOf(there)).sessions.find((s) => s.isCurrent)?.id ?? '';
    const barneyId = (await sessionsOf(barney)).sessions.find((s) => s.isCurrent)?.id ?? '';

    expect((await del(`/api/v1/sessions/${barneyId}`, here)).status).toBe(404);
    expect(await stacksStatus(barney)).toBe(200);

    expect((await del(`/api/v1/sessions/${thereId}`, here)).status).toBe(204);
    expect(await stacksStatus(there)).toBe(401);
    expect(await stacksStatus(here)).toBe(200);
    expect((await sessionsOf(here)).sessions.map((s) => s.id)).not.toContain(thereId);
    expect((await del(`/api/v1/sessions/${thereId}`, here)).status).toBe(404);

    const [ended] = await activity('action=session.end&actor=dino&limit=1');
    expect(ended).toMatchObject({ outcome: 'ok', details: { browser: 'Firefox 128 on Linux', address: '127.0.0.1' } });
  });

  it('signs out everywhere', async () => {
    const sessions = [await signIn(url, 'barney'), await signIn(url, 'barney')];
    const res = await del('/api/v1/sessions', sessions[0]!);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { ended: number }).ended).toBeGreaterThanOrEqual(2);
    for (const cookie of sessions) expect(await stacksStatus(cookie)).toBe(401);
    const [event] = await activity('action=session.end-all&actor=barney&limit=1');
    expect(event).toMatchObject({ outcome: 'ok', details: { uid: 'barney' } });
  });
});

describe('staff', () => {
  it('end all sessions of a person, open shells included; others may not (403), and both are recorded', async () => {
    const dino = [await signIn(url, 'dino'), await signIn(url, 'dino')];
    const pebbles = await signIn(url, 'pebbles');
    const refused = await del('/api/v1/sessions?uid=dino', pebbles);
    expect(refused.status).toBe(403);
    expect(await stacksStatus(dino[0]!)).toBe(200);

    const shell = new SocketClient(url, `/api/v1/containers/${ids['genome-browser-app-1']}/shell`, dino[1]!);
    await shell.frame('ready');
    const wilma = await signIn(url, 'wilma');
    const ended = await del('/api/v1/sessions?uid=dino', wilma);
    expect(ended.status).toBe(200);
    expect(((await ended.json()) as { ended: number }).ended).toBeGreaterThanOrEqual(2);
    for (const cookie of dino) expect(await stacksStatus(cookie)).toBe(401);
    expect((await shell.closed).code).toBe(4401);
    expect(await stacksStatus(wilma)).toBe(200);

    const [denied] = await activity('action=session.end-all&actor=pebbles&limit=1');
    expect(denied).toMatchObject({ outcome: 'denied', details: { uid: 'dino' } });
    const [done] = await activity('action=session.end-all&actor=wilma&limit=1');
    expect(done).toMatchObject({ outcome: 'ok', details: { uid: 'dino' } });
  });
});
