'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchJson } from '@/lib/client/queries/fetch-json';
import { stackKeys } from '@/lib/client/queries/stack-keys';
import type { MovedToSecret, ReplacedSecret, SecretView } from '@/lib/domain/secrets/stack-secrets';

// The Secrets section's calls. The key sits under stackKeys.all, so whatever refreshes a stack after an
// upgrade also refreshes who mounts which secret.

export const secretKeys = { of: (stackId: string) => [...stackKeys.all, 'secrets', stackId] as const };

const base = (stackId: string) => `/api/v1/stacks/${encodeURIComponent(stackId)}/secrets`;
const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export function useStackSecrets(stackId: string) {
  return useQuery({ queryKey: secretKeys.of(stackId), queryFn: async () => (await fetchJson<{ secrets: SecretView[] }>(base(stackId))).secrets });
}

function useSecretMutation<I, O>(stackId: string, send: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: send, onSettled: () => qc.invalidateQueries({ queryKey: secretKeys.of(stackId) }) });
}

export function useCreateSecret(stackId: string) {
  return useSecretMutation(stackId, (input: { name: string; value: string; description?: string }) => fetchJson<SecretView>(base(stackId), post(input)));
}

export function useRemoveSecret(stackId: string) {
  return useSecretMutation(stackId, (secretId: string) =>
    fetchJson<void>(`${base(stackId)}/${encodeURIComponent(secretId)}`, { method: 'DELETE', headers: { 'content-type': 'application/json' }, body: '{}' }),
  );
}

export function useReplaceSecret(stackId: string) {
  return useSecretMutation(stackId, ({ secretId, value }: { secretId: string; value: string }) => fetchJson<ReplacedSecret>(`${base(stackId)}/${encodeURIComponent(secretId)}/replace`, post({ value })));
}

export function useMoveToSecret(stackId: string) {
  return useSecretMutation(stackId, (input: { serviceId: string; variable: string }) => fetchJson<MovedToSecret>(`${base(stackId)}/from-environment`, post(input)));
}
