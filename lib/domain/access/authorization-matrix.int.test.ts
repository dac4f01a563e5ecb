import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { jsonPost, signIn } from '@/test/helpers/portal-session';
import { startPortalProcess, type PortalProcess } from '@/test/helpers/portal-process';

// One table decides the whole matrix: who may see which demo stack (DESIGN.md "Demo world"), in both
// environments (prod-cattle and dev-cattle, "Several environments").
const visibleStacks: Record<string, string[]> = {
  fred: ['foo-jgi-doe', 'bar-nersc', 'foo-jgi-doe-dev'],
  barney: ['foo-jgi-doe', 'foo-jgi-doe-dev'],
  dino: ['genome-browser', 'crashy-nersc', 'genome-browser-dev'],
  wilma: ['foo-jgi-doe', 'bar-nersc', 'genome-browser', 'crashy-nersc', 'isg-monitor', 'legacy-stack', 'foo-jgi-doe-dev', 'genome-browser-dev'],
  pebbles: [],
};
const devStacks = ['foo-jgi-doe-dev', 'genome-browser-dev'];
const allRights = ['view', 'logs', 'operate', 'upgrade', 'shell'];

interface DemoStack {
  id: string;
  name: string;
  environment: { id: string; name: string; production: boolean };
  services: { id: string; name: string; state: string; environment: { id: string } }[];
  /** A container of the stack's first service, for the websocket routes. */
  containerId?: string;
}

/** The HTTP status of a websocket upgrade: 101 when accepted (then closed at once). */
function upgradeStatus(path: string, caller: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${portal.url.replace('http', 'ws')}${path}`, { headers: { ...credentials(caller), origin: portal.url } });
    ws.on('upgrade', () => {
      resolve(101);
      ws.close();
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => undefined);
  });
}

function wsResponse(status: number): Response {
  return new Response(JSON.stringify({ status, detail: status === 404 ? 'refused' : undefined }), { status: status === 101 ? 200 : status });
}

let portal: PortalProcess;
let stacks: DemoStack[];
const cookies: Record<string, string> = {};
/** A personal API token of each demo user, unnarrowed: it must answer exactly as the user's session. */
const tokens: Record<string, string> = {};

/** The request headers of a caller: `fred` signs in with a cookie, `fred:token` sends fred's API token. */
function credentials(caller: string): Record<string, string> {
  const [user = '', kind] = caller.split(':');
  return kind === 'token' ? { authorization: `Bearer ${tokens[user] ?? ''}` } : { cookie: cookies[user] ?? '' };
}

function send(method: string, path: string, caller: string, body: unknown = {}): Promise<Response> {
  return fetch(`${portal.url}${path}`, { method, headers: { ...credentials(caller), origin: portal.url, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}
const post = (path: string, caller: string, body?: unknown) => send('POST', path, caller, body);

function tokenRequest(method: string, path: string, caller: string, body?: unknown): Promise<Response> {
  return fetch(`${portal.url}/api/v1/tokens${path}`, {
    method,
    headers: { ...credentials(caller), origin: portal.url, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

beforeAll(async () => {
  portal = await startPortalProcess();
  for (const user of Object.keys(visibleStacks)) cookies[user] = await signIn(portal.url, user);
  for (const user of Object.keys(visibleStacks)) tokens[user] = ((await (await tokenRequest('POST', '', user, { name: 'matrix', expiresInDays: 1 })).json()) as { token: string }).token;
  const all = (await (await fetch(`${portal.url}/api/v1/stacks`, { headers: { cookie: cookies.wilma ?? '' } })).json()) as { stacks: DemoStack[] };
  stacks = all.stacks;
  for (const stack of stacks) {
    const detail = (await (await fetch(`${portal.url}/api/v1/stacks/${stack.id}`, { headers: { cookie: cookies.wilma ?? '' } })).json()) as { services: { containers: { id: string }[] }[] };
    stack.containerId = detail.services[0]?.containers[0]?.id;
  }
}, 300_000);

afterAll(async () => {
  await portal?.stop();
});

/**
 * Each route with the right it needs and its answer on a visible stack (default: 200, 409 for a POST);
 * the action routes pick an action Rancher refuses in the current state, and the secret routes a name,
 * variable or secret that is not there, so nothing changes.
 */
const routes: { right: string; name: string; visible?: number; call: (user: string, stack: DemoStack) => Promise<Response> }[] = [
  { right: 'view', name: 'GET stack', call: (u, s) => fetch(`${portal.url}/api/v1/stacks/${s.id}`, { headers: credentials(u) }) },
  { right: 'view', name: 'GET activity', call: (u, s) => fetch(`${portal.url}/api/v1/stacks/${s.id}/activity`, { headers: credentials(u) }) },
  { right: 'operate', name: 'POST start (already active)', call: (u, s) => post(`/api/v1/stacks/${s.id}/services/${s.services[0]?.id}/start`, u) },
  { right: 'upgrade', name: 'POST finish-upgrade (nothing to finish)', call: (u, s) => post(`/api/v1/stacks/${s.id}/services/${s.services[0]?.id}/finish-upgrade`, u) },
  { right: 'logs', name: 'WS logs', call: async (u, s) => wsResponse(await upgradeStatus(`/api/v1/containers/${s.containerId}/logs?tail=1&follow=0`, u)) },
  { right: 'shell', name: 'WS shell', call: async (u, s) => wsResponse(await upgradeStatus(`/api/v1/containers/${s.containerId}/shell?cols=80&rows=24`, u)) },
  { right: 'view', name: 'WS container stats', call: async (u, s) => wsResponse(await upgradeStatus(`/api/v1/containers/${s.containerId}/stats`, u)) },
  { right: 'view', name: 'WS service stats', call: async (u, s) => wsResponse(await upgradeStatus(`/api/v1/stacks/${s.id}/services/${s.services[0]?.id}/stats`, u)) },
  { right: 'view', name: 'GET secrets', call: (u, s) => fetch(`${portal.url}/api/v1/stacks/${s.id}/secrets`, { headers: credentials(u) }) },
  { right: 'upgrade', name: 'POST secret (a name of no stack)', visible: 422, call: (u, s) => post(`/api/v1/stacks/${s.id}/secrets`, u, { name: 'no-such-stack.api_key', value: 'v' }) },
  { right: 'upgrade', name: 'POST move to a secret (no such variable)', visible: 400, call: (u, s) => post(`/api/v1/stacks/${s.id}/secrets/from-environment`, u, { serviceId: s.services[0]?.id, variable: 'NO_SUCH_VARIABLE' }) },
  { right: 'upgrade', name: 'POST replace a secret (no such secret)', visible: 404, call: (u, s) => post(`/api/v1/stacks/${s.id}/secrets/1se999/replace`, u, { value: 'v' }) },
  { right: 'upgrade', name: 'DELETE secret (no such secret)', visible: 404, call: (u, s) => send('DELETE', `/api/v1/stacks/${s.id}/secrets/1se999`, u) },
];

describe('authorization matrix: every demo user × stack × right × route', () => {
  it('knows all eight demo stacks, each in its environment', () => {
    expect(stacks.map((s) => s.name).sort()).toEqual([...visibleStacks.wilma!].sort());
    for (const s of stacks) expect(s.services[0]?.state).toBe('active');
    for (const s of stacks) {
      const expected = devStacks.includes(s.name) ? { id: '1a7', name: 'dev-cattle', production: false } : { id: '1a5', name: 'prod-cattle', production: true };
      expect({ stack: s.name, environment: s.environment }).toEqual({ stack: s.name, environment: expected });
      expect(s.services.every((service) => service.environment.id === expected.id)).toBe(true);
    }
  });

  for (const caller of Object.keys(visibleStacks).flatMap((u) => [u, `${u}:token`])) {
    const user = caller.split(':')[0] ?? '';
    it(`${caller}: the list shows exactly the stacks ${user} may see`, async () => {
      const res = await fetch(`${portal.url}/api/v1/stacks`, { headers: credentials(caller) });
      const body = (await res.json()) as { stacks: DemoStack[] };
      expect(body.stacks.map((s) => s.name).sort()).toEqual([...(visibleStacks[user] ?? [])].sort());
    });

    it(`${caller}: each route answers by the table, and a 404 never says more than a missing stack`, async () => {
      for (const stack of stacks) {
        const isVisible = visibleStacks[user]?.includes(stack.name) ?? false;
        for (const route of routes) {
          const res = await route.call(caller, stack);
          const body = (await res.json()) as { rights?: string[]; detail?: string; status?: number };
          const expected = !isVisible ? 404 : (route.visible ?? (route.name.startsWith('POST') ? 409 : 200));
          expect({ caller, stack: stack.name, route: route.name, status: res.status }).toEqual({ caller, stack: stack.name, route: route.name, status: expected });
          const notShared = `No stack ${stack.id} is shared with you.`;
          if (!isVisible && !route.name.startsWith('WS')) expect(body.detail).toBe(notShared);
          if (isVisible) expect({ route: route.name, detail: body.detail }).not.toEqual({ route: route.name, detail: notShared });
          if (isVisible && route.name === 'GET stack') expect(body.rights).toEqual(allRights);
        }
      }
      // A stack id that does not exist answers exactly like one that is not shared.
      const missing = await fetch(`${portal.url}/api/v1/stacks/1st999`, { headers: credentials(caller) });
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as { detail: string }).detail).toBe('No stack 1st999 is shared with you.');
    });
  }

  it('refuses everything to an anonymous caller with 401', async () => {
    const stack = stacks[0]!;
    for (const route of routes) expect({ route: route.name, status: (await route.call('nobody', stack)).status }).toEqual({ route: route.name, status: 401 });
    expect((await fetch(`${portal.url}/api/v1/stacks`)).status).toBe(401);
  });

  it('answers 404 for a service or container that is not in the stack of the path', async () => {
    const foo = stacks.find((s) => s.name === 'foo-jgi-doe')!;
    const bar = stacks.find((s) => s.name === 'bar-nersc')!;
    const cookie = cookies.fred ?? '';
    expect((await fetch(`${portal.url}/api/v1/stacks/${foo.id}/services/${bar.services[0]?.id}/restart`, jsonPost(portal.url, cookie))).status).toBe(404);
    const barStack = (await (await fetch(`${portal.url}/api/v1/stacks/${bar.id}`, { headers: { cookie } })).json()) as { services: { containers: { id: string }[] }[] };
    const barContainer = barStack.services[0]?.containers[0]?.id;
    expect((await fetch(`${portal.url}/api/v1/stacks/${foo.id}/containers/${barContainer}/restart`, jsonPost(portal.url, cookie))).status).toBe(404);
    // Nor a service of the same name in the other environment.
    const fooDev = stacks.find((s) => s.name === 'foo-jgi-doe-dev')!;
    expect((await fetch(`${portal.url}/api/v1/stacks/${foo.id}/services/${fooDev.services[0]?.id}/restart`, jsonPost(portal.url, cookie))).status).toBe(404);
  });
});

/** The same table through the Rancher facade (`/v2-beta`, the `rancher` CLI's API), with each user's personal token. */
describe('authorization matrix through the Rancher facade', () => {
  const basics: Record<string, string> = {};

  beforeAll(async () => {
    for (const user of Object.keys(visibleStacks)) {
      const res = await fetch(`${portal.url}/api/v1/tokens`, { ...jsonPost(portal.url, cookies[user] ?? ''), body: JSON.stringify({ name: 'matrix', expiresInDays: 1 }) });
      const { accessKey, secretKey } = (await res.json()) as { accessKey: string; secretKey: string };
      basics[user] = `Basic ${Buffer.from(`${accessKey}:${secretKey}`).toString('base64')}`;
    }
  });

  const facade = (user: string, method: string, path: string) =>
    fetch(`${portal.url}/v2-beta${path}`, { method, headers: { authorization: basics[user] ?? 'Basic Og==', ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) }, body: method === 'POST' ? '{}' : undefined });

  /** Each facade route with what it answers on a visible stack; an action Rancher does not offer now changes nothing (422). */
  const facadeRoutes: { name: string; visible: number; notRunning?: number; call: (user: string, s: DemoStack) => Promise<Response> }[] = [
    { name: 'GET stack', visible: 200, call: (u, s) => facade(u, 'GET', `/projects/${s.environment.id}/stacks/${s.id}`) },
    { name: 'GET service', visible: 200, call: (u, s) => facade(u, 'GET', `/projects/${s.environment.id}/services/${s.services[0]?.id}`) },
    { name: 'GET container', visible: 200, call: (u, s) => facade(u, 'GET', `/projects/${s.environment.id}/containers/${s.containerId}`) },
    { name: 'GET service instances', visible: 200, call: (u, s) => facade(u, 'GET', `/projects/${s.environment.id}/services/${s.services[0]?.id}/instances`) },
    { name: 'POST activate (already active)', visible: 422, call: (u, s) => facade(u, 'POST', `/projects/${s.environment.id}/services/${s.services[0]?.id}?action=activate`) },
    { name: 'POST finishupgrade (nothing to finish)', visible: 422, call: (u, s) => facade(u, 'POST', `/projects/${s.environment.id}/services/${s.services[0]?.id}?action=finishupgrade`) },
    // crashy-nersc's container restarts in a loop: while it starts again Rancher offers neither logs nor execute.
    { name: 'POST logs (hostAccess)', visible: 201, notRunning: 422, call: (u, s) => facade(u, 'POST', `/projects/${s.environment.id}/containers/${s.containerId}?action=logs`) },
    { name: 'POST execute (hostAccess)', visible: 201, notRunning: 422, call: (u, s) => facade(u, 'POST', `/projects/${s.environment.id}/containers/${s.containerId}?action=execute`) },
    { name: 'DELETE stack', visible: 403, call: (u, s) => facade(u, 'DELETE', `/projects/${s.environment.id}/stacks/${s.id}`) },
  ];

  for (const user of Object.keys(visibleStacks)) {
    it(`${user}: the facade lists exactly ${user}'s stacks, and each route answers by the table`, async () => {
      for (const environment of ['1a5', '1a7']) {
        const listed = (await (await facade(user, 'GET', `/projects/${environment}/stacks?limit=-2`)).json()) as { data: { name: string }[] };
        const expected = stacks.filter((s) => s.environment.id === environment && visibleStacks[user]?.includes(s.name)).map((s) => s.name);
        expect({ user, environment, stacks: listed.data.map((s) => s.name).sort() }).toEqual({ user, environment, stacks: expected.sort() });
      }
      for (const stack of stacks) {
        const isVisible = visibleStacks[user]?.includes(stack.name) ?? false;
        for (const route of facadeRoutes) {
          const res = await route.call(user, stack);
          const body = (await res.json()) as { type?: string; code?: string };
          // Removing a stack is refused whoever asks; everything else of a stack not shared is "not found".
          const allowed = route.notRunning && stack.name === 'crashy-nersc' && res.status === route.notRunning ? route.notRunning : route.visible;
          const expected = route.visible === 403 ? 403 : isVisible ? allowed : 404;
          expect({ user, stack: stack.name, route: route.name, status: res.status }).toEqual({ user, stack: stack.name, route: route.name, status: expected });
          if (res.status >= 400) expect(body.type).toBe('error');
        }
      }
    });
  }

  it('refuses an anonymous caller with Rancher’s 401', async () => {
    const stack = stacks[0]!;
    for (const route of facadeRoutes) expect({ route: route.name, status: (await route.call('nobody', stack)).status }).toEqual({ route: route.name, status: 401 });
  });
});

describe('authorization matrix: the token routes', () => {
  it('lets every signed-in user make a token, none without a session, and no token make one', async () => {
    for (const user of Object.keys(visibleStacks)) expect({ user, status: (await tokenRequest('POST', '', user, { name: 'row', expiresInDays: 1 })).status }).toEqual({ user, status: 201 });
    expect((await tokenRequest('POST', '', 'nobody', { name: 'row', expiresInDays: 1 })).status).toBe(401);
    for (const user of Object.keys(visibleStacks)) expect((await tokenRequest('POST', '', `${user}:token`, { name: 'row', expiresInDays: 1 })).status).toBe(403);
  });

  it('lists each user’s own tokens only; everyone’s for staff with ?all=1, for nobody else', async () => {
    for (const user of Object.keys(visibleStacks)) {
      const res = await tokenRequest('GET', '', user);
      const owners = new Set(((await res.json()) as { tokens: { owner: string }[] }).tokens.map((t) => t.owner));
      expect({ user, owners: [...owners] }).toEqual({ user, owners: [user] });
      expect({ user, all: (await tokenRequest('GET', '?all=1', user)).status }).toEqual({ user, all: user === 'wilma' ? 200 : 403 });
      expect((await tokenRequest('GET', '', `${user}:token`)).status).toBe(403);
    }
    expect((await tokenRequest('GET', '', 'nobody')).status).toBe(401);
  });

  it('lets the owner and staff revoke a token, and answers 404 to everyone else', async () => {
    const users = Object.keys(visibleStacks);
    for (const owner of users) {
      for (const other of users) {
        const created = (await (await tokenRequest('POST', '', owner, { name: 'revoke row', expiresInDays: 1 })).json()) as { id: string };
        const expected = other === owner || other === 'wilma' ? 204 : 404;
        expect({ owner, other, status: (await tokenRequest('DELETE', `/${created.id}`, other)).status }).toEqual({ owner, other, status: expected });
      }
    }
    expect((await tokenRequest('DELETE', '/abcdefghijkl', 'nobody')).status).toBe(401);
  });
});
