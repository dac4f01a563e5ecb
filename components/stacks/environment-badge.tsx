import { clsx } from 'clsx';
import type { EnvironmentView } from '@/lib/domain/stacks/stack-schemas';

/**
 * Which Rancher environment a stack lives in. Production is never quiet: a filled red badge that says
 * so in words, so colour is not the only signal.
 */
export function EnvironmentBadge({ environment, className }: { environment: EnvironmentView; className?: string }) {
  return (
    <span
      data-testid="environment-badge"
      data-production={environment.production ? 'true' : 'false'}
      title={environment.production ? `Production environment ${environment.name}` : `Environment ${environment.name}`}
      className={clsx(
        'inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium',
        environment.production ? 'bg-red-700 text-white dark:bg-red-600' : 'bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100',
        className,
      )}
    >
      {environment.production ? <span className="font-semibold uppercase tracking-wide">Production</span> : null}
      <span>{environment.name}</span>
    </span>
  );
}
