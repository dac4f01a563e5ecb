'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { stackKeys } from '@/lib/client/queries/stack-keys';
import { serviceQueryOptions } from '@/lib/client/queries/use-service';
import type { UpgradeInput } from '@/lib/domain/upgrade/upgrade-input';
import type { ServiceDetailView, StackView } from '@/lib/domain/stacks/stack-schemas';
import { postUpgrade } from '@/lib/domain/upgrade/post-upgrade';

/**
 * Posts an upgrade. The answer (the service, now `upgrading`) goes straight into the cached stack and
 * service, so progress shows at once; polling then follows Rancher to `upgraded`.
 */
export function useUpgradeService(stackId: string, serviceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UpgradeInput) => postUpgrade(stackId, serviceId, input),
    onSuccess: (service) => {
      qc.setQueryData<StackView>(stackKeys.detail(stackId), (old) => (old ? { ...old, services: old.services.map((s) => (s.id === service.id ? service : s)) } : old));
      qc.setQueryData<ServiceDetailView>(serviceQueryOptions(stackId, serviceId).queryKey, (old) => (old ? { ...old, ...service } : old));
    },
    onSettled: () => qc.invalidateQueries({ queryKey: stackKeys.all }),
  });
}
