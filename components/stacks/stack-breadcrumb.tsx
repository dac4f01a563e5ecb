import Link from 'next/link';
import type { EnvironmentView } from '@/lib/domain/stacks/stack-schemas';
import { EnvironmentBadge } from './environment-badge';

const link = 'text-brand-600 hover:underline dark:text-blue-400';

/** Stacks / environment / stack [/ service]: where the page is, environment included, on every stack page. */
export function StackBreadcrumb({ stack, serviceName }: { stack: { id: string; name: string; environment: EnvironmentView }; serviceName?: string }) {
  return (
    <nav aria-label="Breadcrumb" className="flex flex-wrap items-center gap-1 text-sm">
      <Link href="/stacks" className={link}>
        Stacks
      </Link>
      <span aria-hidden="true">/</span>
      <Link href={`/stacks?env=${encodeURIComponent(stack.environment.name)}`} aria-label={`Stacks in ${stack.environment.name}`}>
        <EnvironmentBadge environment={stack.environment} />
      </Link>
      <span aria-hidden="true">/</span>
      {serviceName === undefined ? (
        <span aria-current="page">{stack.name}</span>
      ) : (
        <>
          <Link href={`/stacks/${stack.id}`} className={link}>
            {stack.name}
          </Link>
          <span aria-hidden="true">/</span>
          <span aria-current="page">{serviceName}</span>
        </>
      )}
    </nav>
  );
}
