import { expect, it } from 'vitest';
import { describeOnAuditBackends } from '@/test/helpers/audit-backends';

describeOnAuditBackends('SqlSessionStore', ({ backend, replicas, store: open }) => {
  const session = (id: string, uid: string, now: number) => ({ id, uid, clientAddress: '127.0.0.1', userAgent: 'Firefox', now });

  it('creates, reads and touches a session', async () => {
    const store = (await open()).sessions;
    const created = await store.create(session('s1', 'fred', 1_000));
    expect(created).toEqual({ id: 's1', uid: 'fred', clientAddress: '127.0.0.1', userAgent: 'Firefox', startedAt: 1_000, lastActiveAt: 1_000, endedAt: null, endReason: null });
    await store.touch('s1', 5_000);
    expect(await store.get('s1')).toMatchObject({ startedAt: 1_000, lastActiveAt: 5_000 });
    expect(await store.get('nope')).toBeNull();
  });

  it('ends a session once, and an ended session is no longer touched or listed', async () => {
    const store = (await open()).sessions;
    await store.create(session('s1', 'fred', 1_000));
    await store.create(session('s2', 'fred', 2_000));
    expect(await store.end('s1', 'signout', 3_000)).toBe(true);
    expect(await store.end('s1', 'ended-by-user', 4_000)).toBe(false);
    await store.touch('s1', 5_000);
    expect(await store.get('s1')).toMatchObject({ lastActiveAt: 1_000, endedAt: 3_000, endReason: 'signout' });
    expect((await store.listOpen('fred')).map((s) => s.id)).toEqual(['s2']);
  });

  it('ends every open session of one person only', async () => {
    const store = (await open()).sessions;
    await store.create(session('f1', 'fred', 1_000));
    await store.create(session('f2', 'fred', 2_000));
    await store.create(session('b1', 'barney', 2_000));
    await store.end('f1', 'signout', 2_500);
    expect(await store.endAllOf('fred', 'ended-by-staff', 3_000)).toBe(1);
    expect(await store.get('f2')).toMatchObject({ endedAt: 3_000, endReason: 'ended-by-staff' });
    expect(await store.get('f1')).toMatchObject({ endReason: 'signout' });
    expect((await store.listOpen('barney')).map((s) => s.id)).toEqual(['b1']);
  });

  it('lists the most recently active first', async () => {
    const store = (await open()).sessions;
    await store.create(session('old', 'fred', 1_000));
    await store.create(session('new', 'fred', 2_000));
    await store.touch('old', 9_000);
    expect((await store.listOpen('fred')).map((s) => s.id)).toEqual(['old', 'new']);
  });

  it('shares sessions between portal replicas: an end on one is seen by the other', async () => {
    const [a, b] = (await replicas(2)).stores.map((s) => s.sessions);
    if (!a || !b) throw new Error('no store');
    await a.create(session('s1', 'fred', Date.now()));
    expect(await b.end('s1', 'signout', Date.now())).toBe(true);
    expect((await a.get('s1'))?.endReason).toBe('signout');
  });

  it('sweeps sessions ended or started more than a month ago when a new one starts', async () => {
    const { location, stores: [opened] } = await replicas(1);
    const store = opened?.sessions;
    if (!store) throw new Error('no store');
    const day = 24 * 3_600_000;
    const now = 100 * day;
    await store.create(session('ended-long-ago', 'fred', now - 40 * day));
    await store.end('ended-long-ago', 'signout', now - 39 * day);
    await store.create(session('abandoned', 'fred', now - 35 * day));
    await store.create(session('recent', 'fred', now - 2 * day));
    await store.end('recent', 'idle', now - day);
    await store.create(session('new', 'fred', now));
    const rows = (await backend.raw(location, 'select id from sessions order by id')) as { id: string }[];
    expect(rows.map((r) => r.id)).toEqual(['new', 'recent']);
  });
});
