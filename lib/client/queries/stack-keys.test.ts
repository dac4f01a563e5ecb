import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { stackKeys } from './stack-keys';

/** A cache holding the stack list and two stack pages, none stale yet. */
function cacheWithStacks(): QueryClient {
  const qc = new QueryClient();
  for (const key of [stackKeys.list(), stackKeys.detail('1st2'), stackKeys.detail('1st3')]) qc.setQueryData(key, { at: key });
  return qc;
}
const staleKeys = (qc: QueryClient) =>
  qc
    .getQueryCache()
    .getAll()
    .filter((q) => q.state.isInvalidated)
    .map((q) => q.queryKey);

describe('stackKeys', () => {
  it('nests every stack query under one root, so one invalidation reaches the list and every page', async () => {
    const qc = cacheWithStacks();
    await qc.invalidateQueries({ queryKey: stackKeys.all });
    expect(staleKeys(qc)).toHaveLength(3);
  });

  it('keeps one stack page apart from the list and from other stacks', async () => {
    const qc = cacheWithStacks();
    await qc.invalidateQueries({ queryKey: stackKeys.detail('1st2') });
    expect(staleKeys(qc)).toEqual([stackKeys.detail('1st2')]);
    expect(stackKeys.detail('1st2')).not.toEqual(stackKeys.detail('1st3'));
  });

  it('does not let the list key prefix-match the stack pages', async () => {
    const qc = cacheWithStacks();
    await qc.invalidateQueries({ queryKey: stackKeys.list() });
    expect(staleKeys(qc)).toEqual([stackKeys.list()]);
  });
});
