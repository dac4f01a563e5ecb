'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatedToken, CreateTokenInput, TokenList } from '@/lib/domain/tokens/token-schemas';
import { fetchJson } from './fetch-json';

export const tokenKeys = {
  all: ['tokens'] as const,
  list: (everyone: boolean) => [...tokenKeys.all, everyone ? 'everyone' : 'mine'] as const,
};

const jsonHeaders = { 'content-type': 'application/json' };

/** The person's API tokens, or, for staff, everyone's (never a secret). */
export function useTokens(initial: TokenList, everyone: boolean) {
  return useQuery({
    queryKey: tokenKeys.list(everyone),
    queryFn: () => fetchJson<TokenList>(`/api/v1/tokens${everyone ? '?all=1' : ''}`),
    initialData: initial,
    refetchInterval: 60_000,
  });
}

/** Makes a token; its answer carries the secret, shown once by the page and kept nowhere else. */
export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTokenInput) => fetchJson<CreatedToken>('/api/v1/tokens', { method: 'POST', headers: jsonHeaders, body: JSON.stringify(input) }),
    onSettled: () => qc.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

/** Revokes a token; it leaves the list at once. */
export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => fetchJson<void>(`/api/v1/tokens/${encodeURIComponent(tokenId)}`, { method: 'DELETE', headers: jsonHeaders }),
    onSuccess: (_done, tokenId) => {
      for (const everyone of [false, true]) {
        qc.setQueryData<TokenList>(tokenKeys.list(everyone), (old) => old && { tokens: old.tokens.filter((t) => t.id !== tokenId) });
      }
    },
    onSettled: () => qc.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}
