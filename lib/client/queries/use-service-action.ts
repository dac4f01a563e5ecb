'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ServiceActionVerb } from '@/lib/domain/rancher/service-verbs';
import type { ServiceView, StackView } from '@/lib/domain/stacks/stack-schemas';
import { fetchJson } from './fetch-json';
import { stackKeys } from './stack-keys';

export interface ServiceActionInput {
  serviceId: string;
  verb: ServiceActionVerb;
  body?: Record<string, unknown>;
}

/**
 * Posts a service action; the answer (the service in its transitional state) goes straight into the
 * stack's cached data, so the page shows "restarting" at once, then polling follows it to the end.
 */
export function useServiceAction(stackId: string) {
  const qc = useQueryClient();
  const key = stackKeys.detail(stackId);
  return useMutation({
    mutationFn: ({ serviceId, verb, body }: ServiceActionInput) =>
      fetchJson<ServiceView>(`/api/v1/stacks/${encodeURIComponent(stackId)}/services/${encodeURIComponent(serviceId)}/${verb}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      }),
    onSuccess: (service) => {
      qc.setQueryData<StackView>(key, (old) => (old ? { ...old, services: old.services.map((s) => (s.id === service.id ? service : s)) } : old));
    },
    onSettled: () => qc.invalidateQueries({ queryKey: stackKeys.all }),
  });
}

export function useContainerRestart(stackId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (containerId: string) =>
      fetchJson(`/api/v1/stacks/${encodeURIComponent(stackId)}/containers/${encodeURIComponent(containerId)}/restart`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: stackKeys.detail(stackId) }),
  });
}
