'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ServiceDetailView } from '@/lib/domain/stacks/stack-schemas';
import { fetchJson } from './fetch-json';
import { stackKeys } from './stack-keys';
import { refetchWhileBusy } from './refetch-interval';

export function serviceQueryOptions(stackId: string, serviceId: string, initial?: ServiceDetailView) {
  return queryOptions({
    queryKey: [...stackKeys.detail(stackId), 'service', serviceId] as const,
    queryFn: () => fetchJson<ServiceDetailView>(`/api/v1/stacks/${encodeURIComponent(stackId)}/services/${encodeURIComponent(serviceId)}`),
    initialData: initial,
    refetchInterval: (query) => refetchWhileBusy(query.state.data?.transitioning === 'yes', query.state.status === 'error'),
  });
}

/** One service with its launchConfig, polled fast while it transitions (an upgrade, a rollback). */
export function useService(stackId: string, serviceId: string, initial?: ServiceDetailView) {
  return useQuery(serviceQueryOptions(stackId, serviceId, initial));
}
