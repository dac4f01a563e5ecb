import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoLdap } from '@/demo/ldap-server';
import { startSim, type RunningSim } from '@/sim/start-sim';
import { idsByName } from '@/test/helpers/container-ids';
import { productionEnv, startPortalProcess, type PortalProcess } from '@/test/helpers/portal-process';
import { signIn, signOut } from '@/test/helpers/portal-session';
import { startPostgres, type PostgresCluster } from '@/test/helpers/postgres';
import { SocketClient } from '@/test/helpers/socket-client';

// Two portal replicas behind one load balancer share nothing but PostgreSQL (DESIGN.md "Scaling out"):
// a cookie from one works on the other, and a sign-out on one ends it on both.
let postgres: PostgresCluster;
let sim: RunningSim;
let ldap: Awaited<ReturnType<typeof startDemoLdap>>;
const replicas: PortalProcess[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
  sim = await startSim({ stepMs: 20 });
  ldap = await startDemoLdap({ port: 0 });
  const settings = productionEnv({ rancherUrl: sim.url, accessKey: sim.accessKey, secretKey: sim.secretKey, ldapUrl: ldap.url });
  for (let i = 0; i < 2; i++) replicas.push(await startPortalProcess((port) => ({ ...settings(port), DATABASE_URL: postgres.url })));
}, 300_000);

afterAll(async () => {
  for (const replica of replicas) await replica.stop();
  await ldap?.close();
  await sim?.close();
  await postgres?.stop();
});

describe('sessions across two portal replicas sharing PostgreSQL', () => {
  it('a sign-out on one is refused on the other within 5 s, and the other closes its open shell', async () => {
    const [one, two] = replicas;
    if (!one || !two) throw new Error('replicas did not start');
    const cookie = await signIn(one.url, 'fred');
    const ids = await idsByName(two.url, cookie);
    expect(ids['foo-jgi-doe-app-1']).toBeDefined();
    const shell = new SocketClient(two.url, `/api/v1/containers/${ids['foo-jgi-doe-app-1']}/shell`, cookie);
    await shell.frame('ready');

    const signedOutAt = Date.now();
    await signOut(one.url, cookie);
    let refusedAfterMs: number | null = null;
    while (refusedAfterMs === null && Date.now() - signedOutAt < 5_000) {
      if ((await fetch(`${two.url}/api/v1/stacks`, { headers: { cookie } })).status === 401) refusedAfterMs = Date.now() - signedOutAt;
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(refusedAfterMs).not.toBeNull();
    expect(refusedAfterMs).toBeLessThan(5_000);
    const closed = await shell.closed;
    expect(closed.code).toBe(4401);
    expect(closed.at - signedOutAt).toBeLessThan(5_000);
  });
});
