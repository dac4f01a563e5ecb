'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import type { ActivityEvent } from '@/lib/domain/activity/activity-event';
import { fetchJson } from './fetch-json';

export const activityKeys = {
  all: ['activity'] as const,
  list: (scope: string, filter: string) => [...activityKeys.all, scope, filter] as const,
};

interface ActivityPage {
  events: ActivityEvent[];
  nextCursor: string | null;
}

/** A stack's activity (or, for staff without a stack, everyone's), newest first, one page at a time. */
export function useActivity(options: { stackId?: string; filter?: URLSearchParams }) {
  const filter = options.filter?.toString() ?? '';
  const base = options.stackId ? `/api/v1/stacks/${encodeURIComponent(options.stackId)}/activity` : '/api/v1/activity';
  return useInfiniteQuery({
    queryKey: activityKeys.list(options.stackId ?? 'all', filter),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(filter);
      params.set('limit', '20');
      if (pageParam) params.set('cursor', pageParam);
      return fetchJson<ActivityPage>(`${base}?${params}`);
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 5_000,
  });
}
