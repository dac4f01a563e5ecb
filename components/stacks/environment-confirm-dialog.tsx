'use client';

import type { ComponentProps } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { EnvironmentView } from '@/lib/domain/stacks/stack-schemas';

/** A confirm about a stack's service: in a production environment it says so above everything else. */
export function EnvironmentConfirmDialog({ environment, ...props }: Omit<ComponentProps<typeof ConfirmDialog>, 'banner'> & { environment: EnvironmentView }) {
  const banner = environment.production ? (
    <p data-testid="production-warning" className="rounded-t-lg bg-red-700 px-5 py-2 text-sm font-semibold text-white dark:bg-red-600">
      Production: {environment.name}. This changes a live service people use.
    </p>
  ) : undefined;
  return <ConfirmDialog {...props} banner={banner} />;
}
