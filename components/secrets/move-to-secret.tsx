'use client';

import { useQueryClient } from '@tanstack/react-query';
import type { SecretView } from '@/lib/domain/secrets/stack-secrets';
import { Button } from '@/components/ui/button';
import type { MovedToSecret } from '@/lib/domain/secrets/stack-secrets';
import { secretKeys, useMoveToSecret } from './use-stack-secrets';

/**
 * Where `secret-not-in-env` fires on a variable the service runs with: "Move to a secret". The server
 * makes the secret from the value it already holds (the value never comes to the browser) and answers
 * the change, which the form applies and previews.
 */
export function MoveToSecretOffers({ stackId, serviceId, variables, onMoved }: { stackId: string; serviceId: string; variables: readonly string[]; onMoved: (moved: MovedToSecret) => void }) {
  const qc = useQueryClient();
  const move = useMoveToSecret(stackId);
  if (variables.length === 0) return null;
  return (
    <div className="space-y-2 rounded-md border border-amber-600/50 p-3 text-sm">
      {variables.map((variable) => (
        <p key={variable} className="flex flex-wrap items-center gap-2">
          <span>
            <span className="font-mono">{variable}</span> looks like a credential.
          </span>
          <Button
            size="sm"
            disabled={move.isPending}
            onClick={() =>
              move.mutate(
                { serviceId, variable },
                {
                  onSuccess: (moved) => {
                    qc.setQueryData<SecretView[]>(secretKeys.of(stackId), (old) => [...(old ?? []), moved.secret]);
                    onMoved(moved);
                  },
                },
              )
            }
          >
            Move {variable} to a secret
          </Button>
        </p>
      ))}
      {move.error ? (
        <p role="alert" className="text-red-700 dark:text-red-400">
          {move.error.message}
        </p>
      ) : null}
    </div>
  );
}
