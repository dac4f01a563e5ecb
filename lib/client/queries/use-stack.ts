'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { StackView } from '@/lib/domain/stacks/stack-schemas';
import { fetchJson } from './fetch-json';
import { stackKeys } from './stack-keys';
import { refetchWhileBusy } from './refetch-interval';
import { isTransitional } from '@/lib/domain/rancher/transitional-state';

export function stackQueryOptions(stackId: string, initial?: StackView) {
  return queryOptions({
    queryKey: stackKeys.detail(stackId),
    queryFn: () => fetchJson<StackView>(`/api/v1/stacks/${encodeURIComponent(stackId)}`),
    initialData: initial,
    refetchInterval: (query) =>
      refetchWhileBusy(query.state.data?.services.some((s) => s.transitioning === 'yes' || s.containers.some((c) => isTransitional(c.state))), query.state.status === 'error'),
  });
}

export function useStack(stackId: string, initial?: StackView) {
  return useQuery(stackQueryOptions(stackId, initial));
}
