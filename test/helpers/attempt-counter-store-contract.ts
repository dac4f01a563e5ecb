import { expect, it } from 'vitest';
import type { AttemptCounterStore } from '../../lib/rate-limit/attempt-counter-store';

/**
 * What every AttemptCounterStore must do, as tests to call inside a `describe`: the memory store and the
 * SQL store (on SQLite and PostgreSQL) run the same cases. `open` gives a fresh, empty store.
 */
export function attemptCounterStoreContract(open: () => Promise<AttemptCounterStore>): void {
  it('counts failures inside the window only', async () => {
    const store = await open();
    await store.hit('fred', 1000, 0);
    await store.hit('fred', 1000, 500);
    expect(await store.hit('fred', 1000, 900)).toEqual({ count: 3, oldestAt: 0 });
    expect(await store.peek('fred', 1000, 1200)).toEqual({ count: 2, oldestAt: 500 });
    expect(await store.peek('fred', 1000, 5000)).toEqual({ count: 0, oldestAt: null });
  });

  it('keeps keys apart and forgets on reset', async () => {
    const store = await open();
    await store.hit('fred', 1000, 0);
    await store.hit('barney', 1000, 0);
    await store.reset('fred');
    expect((await store.peek('fred', 1000, 1)).count).toBe(0);
    expect((await store.peek('barney', 1000, 1)).count).toBe(1);
  });
}
