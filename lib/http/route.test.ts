import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ConflictError } from '@/lib/domain/errors/app-error';
import { MemoryAuditStore } from '@/test/helpers/memory-audit-store';
import { clientAddressHeader } from '@/lib/request/client-address';
import { stubPortalEnv } from '@/test/helpers/stub-portal-env';
import { generateToken, hashToken } from '@/lib/tokens/personal-token';
import { createToken } from '@/lib/tokens/token-actions';
import { route, type RouteContext } from './route';

// The handler's session comes from the cookie jar of Next's request scope, which exists only inside
// Next; here the jar is the request's own Cookie header. Everything behind it (the signed cookie, the
// server-side session record) is the real code, over an in-memory store.
const jar = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ getAll: () => [...jar.cookies].map(([name, value]) => ({ name, value })) }),
}));
// A token's owner has their groups read from the directory; here fred, the only owner, is in csg.
vi.mock('@/lib/auth/ldap-authenticate', () => ({ readGroups: async () => ({ groups: ['csg'], isStaff: false }) }));

const portal = 'http://127.0.0.1:3000';
const secret = 'route-test-secret-'.padEnd(40, 'x');
const sessionCookie = 'next-auth.session-token';
const audit = new MemoryAuditStore();
const holder = globalThis as typeof globalThis & { spinPortalAuditStore?: Promise<MemoryAuditStore> };

beforeAll(() => {
  stubPortalEnv({ NEXTAUTH_SECRET: secret, NEXTAUTH_URL: portal });
  holder.spinPortalAuditStore = Promise.resolve(audit);
});
afterAll(() => {
  vi.unstubAllEnvs();
  holder.spinPortalAuditStore = undefined;
});
beforeEach(() => jar.cookies.clear());

/** Signs fred in: an open session record and the signed cookie naming it. */
async function signIn(sessionId: string): Promise<void> {
  await audit.sessions.create({ id: sessionId, uid: 'fred', clientAddress: '192.0.2.1', userAgent: 'vitest', now: Date.now() });
  const token = await encode({ secret, token: { uid: 'fred', name: 'Fred', sid: sessionId, groups: ['csg'], isStaff: false, groupsCheckedAt: Date.now() } });
  jar.cookies.set(sessionCookie, token);
}

function request(method: string, headers: Record<string, string> = {}, body?: string): NextRequest {
  return new NextRequest(`${portal}/api/v1/things/7`, { method, headers: { 'x-request-id': 'req-route-1', ...headers }, body });
}

const ok = route<{ id: string }>(async ({ params, user, requestId, clientAddress }) => Response.json({ id: params.id, uid: user.uid, groups: user.groups, requestId, clientAddress }));
const call = (handler: ReturnType<typeof route<{ id: string }>>, req: NextRequest) => handler(req, { params: Promise.resolve({ id: '7' }) });
const jsonPost = { origin: portal, 'content-type': 'application/json' };

async function problemOf(res: Response) {
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  return (await res.json()) as { type: string; status: number; detail: string; instance: string; errors?: { path: string }[] };
}

describe('route()', () => {
  it('hands the handler the signed-in person, the params, the request id and the client address', async () => {
    await signIn('s-ok');
    const res = await call(ok, request('GET', { [clientAddressHeader]: '192.0.2.7' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: '7', uid: 'fred', groups: ['csg'], requestId: 'req-route-1', clientAddress: '192.0.2.7' });
  });

  it('answers 401 problem+json without a session cookie, with the request id as instance', async () => {
    const res = await call(ok, request('GET'));
    expect(res.status).toBe(401);
    expect(await problemOf(res)).toMatchObject({ type: 'unauthenticated', status: 401, detail: 'Sign in to use the portal.', instance: 'req-route-1' });
  });

  it('answers 401 when the cookie names a session that has been ended (signed out elsewhere)', async () => {
    await signIn('s-ended');
    await audit.sessions.end('s-ended', 'signout', Date.now());
    expect((await call(ok, request('GET'))).status).toBe(401);
  });

  it('refuses a change from another origin with 403 before looking at the session', async () => {
    const res = await call(ok, request('POST', { origin: 'https://evil.example', 'content-type': 'application/json' }, '{}'));
    expect(res.status).toBe(403);
    expect(await problemOf(res)).toMatchObject({ type: 'forbidden' });
  });

  it('refuses a change without an Origin header with 403', async () => {
    await signIn('s-no-origin');
    expect((await call(ok, request('DELETE', { 'content-type': 'application/json' }))).status).toBe(403);
  });

  it('refuses a change that is not JSON with 415 (a cross-site form post)', async () => {
    await signIn('s-form');
    const res = await call(ok, request('POST', { origin: portal, 'content-type': 'application/x-www-form-urlencoded' }, 'a=1'));
    expect(res.status).toBe(415);
    expect(await problemOf(res)).toMatchObject({ type: 'unsupported-media-type' });
  });

  it('lets a same-origin JSON change through, and reads with any Origin', async () => {
    await signIn('s-change');
    expect((await call(ok, request('POST', { ...jsonPost, 'content-type': 'application/json; charset=utf-8' }, '{}'))).status).toBe(200);
    expect((await call(ok, request('GET', { origin: 'https://elsewhere.example' }))).status).toBe(200);
  });

  it('maps what the handler throws through the one problem mapping: AppError, ZodError, anything else', async () => {
    await signIn('s-errors');
    const conflict = route(async () => {
      throw new ConflictError('web is already stopping; wait until it settles.');
    });
    const invalid = route(async () => Response.json(z.object({ batchSize: z.number() }).parse({})));
    const bug = route(async () => {
      throw new Error('a bug naming /etc/secret');
    });
    const noParams = (handler: ReturnType<typeof route<Record<string, never>>>) => handler(request('GET'), { params: Promise.resolve({}) });

    expect(await problemOf(await noParams(conflict))).toMatchObject({ status: 409, type: 'conflict', detail: 'web is already stopping; wait until it settles.' });
    expect(await problemOf(await noParams(invalid))).toMatchObject({ status: 400, type: 'validation-error', errors: [{ path: 'batchSize' }] });
    const unexpected = await problemOf(await noParams(bug));
    expect(unexpected).toMatchObject({ status: 500, type: 'internal-error', instance: 'req-route-1' });
    expect(JSON.stringify(unexpected)).not.toContain('/etc/secret');
  });

  it('never runs the handler without a session', async () => {
    const handler = vi.fn<(ctx: RouteContext<{ id: string }>) => Promise<Response>>();
    await call(route(handler), request('GET'));
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('route() with a personal API token', () => {
  const fred = { uid: 'fred', name: 'Fred', groups: ['csg'], isStaff: false };
  const from = { clientAddress: '192.0.2.1', userAgent: 'vitest', requestId: null };
  const newToken = async (input: { stackIds?: string[]; rights?: ('view' | 'logs')[] } = {}) =>
    (await createToken(audit, fred, { name: 'ci', expiresInDays: 30, ...input }, ['1st1'], from)).token;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const whoAmI = route<{ id: string }>(async ({ user }) => Response.json(user));

  it('hands the handler the owner, narrowed by the token, and needs no Origin for a change', async () => {
    const token = await newToken({ stackIds: ['1st1'], rights: ['logs'] });
    const res = await call(whoAmI, request('POST', { ...bearer(token), 'content-type': 'application/json' }, '{}'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ uid: 'fred', groups: ['csg'], token: { stackIds: ['1st1'], rights: ['view', 'logs'] } });
  });

  it('still wants a JSON body for a change made with a token (415)', async () => {
    const res = await call(ok, request('POST', { ...bearer(await newToken()), 'content-type': 'text/plain' }, 'x'));
    expect(res.status).toBe(415);
  });

  it('answers 401 problems, as for a missing session, to an unknown, malformed, revoked or expired token', async () => {
    const revoked = await newToken();
    await audit.tokens.revoke(revoked.slice(8, 20), 'fred', Date.now());
    const expired = generateToken();
    await audit.tokens.create({ id: expired.id, owner: 'fred', name: 'old', hash: hashToken(expired.token), createdAt: 0, expiresAt: Date.now() - 1, stackIds: null, rights: null });
    const valid = await newToken();
    const wrongSecret = `${valid.slice(0, -1)}${valid.endsWith('X') ? 'Y' : 'X'}`;
    for (const authorization of ['Bearer spinpat_nothing', 'Basic Zm9vOmJhcg==', `Bearer ${revoked}`, `Bearer ${expired.token}`, `Bearer ${wrongSecret}`]) {
      const res = await call(ok, request('GET', { authorization }));
      expect({ authorization, status: res.status }).toEqual({ authorization, status: 401 });
      expect(await problemOf(res)).toMatchObject({ type: 'unauthenticated', status: 401 });
    }
    expect(await problemOf(await call(ok, request('GET', bearer(revoked))))).toMatchObject({ detail: expect.stringContaining('revoked') });
    expect(await problemOf(await call(ok, request('GET', bearer(expired.token))))).toMatchObject({ detail: expect.stringContaining('expired') });
  });

  it('records the last use and its address, at most once a minute', async () => {
    const token = await newToken();
    const recordUse = vi.spyOn(audit.tokens, 'recordUse');
    try {
      for (const address of ['192.0.2.7', '192.0.2.8']) expect((await call(ok, request('GET', { ...bearer(token), [clientAddressHeader]: address }))).status).toBe(200);
      expect(recordUse).toHaveBeenCalledOnce();
      expect(await audit.tokens.get(token.slice(8, 20))).toMatchObject({ lastUsedAddress: '192.0.2.7' });
    } finally {
      recordUse.mockRestore();
    }
  });

  it('refuses a request with both a token and a session cookie (400)', async () => {
    await signIn('s-and-token');
    const res = await call(ok, request('GET', bearer(await newToken())));
    expect(res.status).toBe(400);
    expect(await problemOf(res)).toMatchObject({ detail: 'Send either an API token or a session cookie, not both.', errors: [{ path: 'authorization' }] });
  });

  it('refuses a token on routes that need a browser session (403), which a session passes', async () => {
    const browserOnly = route(async () => Response.json({ ok: true }), { browserSessionOnly: true });
    const noParams = (req: NextRequest) => browserOnly(req, { params: Promise.resolve({}) });
    expect((await noParams(request('GET', bearer(await newToken())))).status).toBe(403);
    await signIn('s-browser');
    expect((await noParams(request('GET'))).status).toBe(200);
  });
});
