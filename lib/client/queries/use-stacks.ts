'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { StackList } from '@/lib/domain/stacks/stack-schemas';
import { fetchJson } from './fetch-json';
import { stackKeys } from './stack-keys';
import { refetchWhileBusy } from './refetch-interval';
import { isTransitional } from '@/lib/domain/rancher/transitional-state';

export function stacksQueryOptions(initial?: StackList) {
  return queryOptions({
    queryKey: stackKeys.list(),
    queryFn: () => fetchJson<StackList>('/api/v1/stacks'),
    initialData: initial,
    refetchInterval: (query) => refetchWhileBusy(query.state.data?.stacks.some((s) => isTransitional(s.state) || s.services.some((v) => isTransitional(v.state))), query.state.status === 'error'),
  });
}

export function useStacks(initial?: StackList) {
  return useQuery(stacksQueryOptions(initial));
}
