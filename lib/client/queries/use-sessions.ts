'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionList } from '@/lib/domain/sessions/session-schemas';
import { fetchJson } from './fetch-json';

export const sessionKeys = {
  all: ['sessions'] as const,
  mine: () => [...sessionKeys.all, 'mine'] as const,
};

const deleteInit: RequestInit = { method: 'DELETE', headers: { 'content-type': 'application/json' } };

/** The signed-in person's open sessions ("Your sessions"). */
export function useSessions(initial: SessionList) {
  return useQuery({ queryKey: sessionKeys.mine(), queryFn: () => fetchJson<SessionList>('/api/v1/sessions'), initialData: initial, refetchInterval: 30_000 });
}

/** Ends one of the person's sessions; it leaves the list at once. */
export function useEndSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => fetchJson<void>(`/api/v1/sessions/${encodeURIComponent(sessionId)}`, deleteInit),
    onSuccess: (_done, sessionId) => qc.setQueryData<SessionList>(sessionKeys.mine(), (old) => old && { sessions: old.sessions.filter((s) => s.id !== sessionId) }),
    onSettled: () => qc.invalidateQueries({ queryKey: sessionKeys.all }),
  });
}

/** Ends every session of `uid` (the caller's own when unset; someone else's for staff). */
export function useEndAllSessions() {
  return useMutation({
    mutationFn: (uid?: string) => fetchJson<{ ended: number }>(`/api/v1/sessions${uid ? `?uid=${encodeURIComponent(uid)}` : ''}`, deleteInit),
  });
}
