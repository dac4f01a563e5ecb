import Link from 'next/link';
import type { StackListItem } from '@/lib/stacks/stack-schemas';
import { EnvironmentBadge } from './environment-badge';
import { StateBadge } from './state-badge';

function serviceSummary(stack: StackListItem): string {
  const byState = new Map<string, number>();
  for (const s of stack.services) byState.set(s.state, (byState.get(s.state) ?? 0) + 1);
  return [...byState].map(([state, n]) => `${n} ${state}`).join(', ');
}

export function StackRow({ stack }: { stack: StackListItem }) {
  return (
    <tr className="hover:bg-slate-50 dark:hover:bg-slate-900/60" data-testid={`stack-row-${stack.name}`}>
      <th scope="row" className="px-3 py-2 font-medium">
        <Link href={`/stacks/${stack.id}`} data-row-link aria-keyshortcuts="ArrowUp ArrowDown Home End" className="text-brand-600 hover:underline dark:text-blue-400">
          {stack.name}
        </Link>
        <EnvironmentBadge environment={stack.environment} className="ml-2" />
        {stack.isUntagged ? (
          <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-normal text-slate-800 dark:bg-slate-700 dark:text-slate-200" title="No owner: tag — only staff see this stack">
            untagged
          </span>
        ) : null}
        {stack.hasUpgradeAwaitingFinish ? (
          <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-normal text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">
            upgrade awaiting finish
          </span>
        ) : null}
      </th>
      <td className="px-3 py-2">
        <StateBadge value={stack.state} kind="state" />
      </td>
      <td className="px-3 py-2">
        <StateBadge value={stack.healthState} kind="health" />
      </td>
      <td className="px-3 py-2" title={serviceSummary(stack)}>
        {stack.services.length}
        <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">({serviceSummary(stack) || 'none'})</span>
      </td>
      <td className="px-3 py-2">{stack.tags.owner ?? <span className="text-slate-500">—</span>}</td>
      <td className="px-3 py-2">{stack.tags.group ?? <span className="text-slate-500">—</span>}</td>
      <td className="px-3 py-2">
        {stack.tags.fqdn ? (
          <a href={`https://${stack.tags.fqdn}`} className="text-brand-600 hover:underline dark:text-blue-400" rel="noreferrer noopener" target="_blank">
            {stack.tags.fqdn}
          </a>
        ) : (
          <span className="text-slate-500">—</span>
        )}
      </td>
    </tr>
  );
}
