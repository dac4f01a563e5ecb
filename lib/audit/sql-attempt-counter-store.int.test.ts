import { expect, it } from 'vitest';
import { describeOnAuditBackends } from '@/test/helpers/audit-backends';
import { attemptCounterStoreContract } from '../../test/helpers/attempt-counter-store-contract';

describeOnAuditBackends('SqlAttemptCounterStore', ({ backend, replicas: open }) => {
  async function replicas(count: number) {
    const { location, stores } = await open(count);
    return { location, counters: stores.map((s) => s.attemptCounters) };
  }

  attemptCounterStoreContract(async () => {
    const { counters: [store] } = await replicas(1);
    if (!store) throw new Error('no store');
    return store;
  });

  it('shares counts between portal replicas', async () => {
    const { counters: [a, b] } = await replicas(2);
    if (!a || !b) throw new Error('no store');
    const now = Date.now();
    await a.hit('ip:192.0.2.7', 60_000, now);
    await b.hit('ip:192.0.2.7', 60_000, now + 1);
    expect(await a.hit('ip:192.0.2.7', 60_000, now + 2)).toEqual({ count: 3, oldestAt: now });
    await b.reset('ip:192.0.2.7');
    expect((await a.peek('ip:192.0.2.7', 60_000, now + 3)).count).toBe(0);
  });

  it('sweeps expired failures of every key', async () => {
    const { location, counters: [store] } = await replicas(1);
    if (!store) throw new Error('no store');
    await store.hit('gone-1', 1000, 0);
    await store.hit('gone-2', 1000, 10);
    await store.hit('kept', 1000, 2000);
    const rows = (await backend.raw(location, 'select key from rate_limit_failures')) as { key: string }[];
    expect(rows.map((r) => r.key)).toEqual(['kept']);
  });
});
