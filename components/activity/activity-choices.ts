'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/client/queries/fetch-json';
import { activityVerbs } from '@/lib/domain/activity/activity-event';
import type { EnvironmentStatus } from '@/lib/domain/stacks/stack-schemas';

/** The action filter's choices: the words rows use ("restarted"), each standing for its action id. */
export const actionChoices = Object.entries(activityVerbs)
  .map(([action, words]) => ({ action, words }))
  .sort((a, b) => a.words.localeCompare(b.words));

/** The environments the portal works in, for the environment filter (empty until known, or if Rancher is down). */
export function useEnvironmentChoices(): EnvironmentStatus[] {
  const query = useQuery({
    queryKey: ['environments'],
    queryFn: () => fetchJson<{ environments: EnvironmentStatus[] }>('/api/v1/environments'),
    staleTime: 60_000,
  });
  return query.data?.environments ?? [];
}
