import Link from 'next/link';
import { LinkPending } from '@/components/ui/link-pending';
import type { StackListItem } from '@/lib/domain/stacks/stack-schemas';
import { EnvironmentBadge } from './environment-badge';
import { StateBadge } from './state-badge';
import { CrashLoopBadge } from './crash-loop-badge';
import { shownStackHealth } from '@/lib/domain/stacks/shown-health';
import { Badge } from '@/components/ui/badge';
import { TableCell, TableHeaderCell, TableRow } from '@/components/ui/table';

function serviceSummary(stack: StackListItem): string {
  const byState = new Map<string, number>();
  for (const s of stack.services) byState.set(s.state, (byState.get(s.state) ?? 0) + 1);
  return [...byState].map(([state, n]) => `${n} ${state}`).join(', ');
}

export function StackRow({ stack }: { stack: StackListItem }) {
  return (
    <TableRow className="hover:bg-slate-50 dark:hover:bg-slate-900/60" data-testid={`stack-row-${stack.name}`}>
      <TableHeaderCell scope="row" className="font-medium">
        <Link href={`/stacks/${stack.id}`} data-row-link aria-keyshortcuts="ArrowUp ArrowDown Home End" className="text-brand-600 hover:underline dark:text-blue-400">
          {stack.name}
          <LinkPending />
        </Link>
        <EnvironmentBadge environment={stack.environment} className="ml-2" />
        {stack.isUntagged ? (
          <Badge tone="idle" className="ml-2" title="No owner: tag — only staff see this stack">
            untagged
          </Badge>
        ) : null}
        <CrashLoopBadge services={stack.services} className="ml-2" />
        {stack.hasUpgradeAwaitingFinish ? (
          <Badge tone="warn" className="ml-2">
            upgrade awaiting finish
          </Badge>
        ) : null}
      </TableHeaderCell>
      <TableCell>
        <StateBadge value={stack.state} kind="state" />
      </TableCell>
      <TableCell>
        <StateBadge value={shownStackHealth(stack)} kind="health" />
      </TableCell>
      <TableCell title={serviceSummary(stack)}>
        {stack.services.length}
        <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">({serviceSummary(stack) || 'none'})</span>
      </TableCell>
      <TableCell>{stack.tags.owner ?? <span className="text-slate-500">—</span>}</TableCell>
      <TableCell>{stack.tags.group ?? <span className="text-slate-500">—</span>}</TableCell>
      <TableCell>
        {stack.tags.fqdn ? (
          <a href={`https://${stack.tags.fqdn}`} className="text-brand-600 hover:underline dark:text-blue-400" rel="noreferrer noopener" target="_blank">
            {stack.tags.fqdn}
          </a>
        ) : (
          <span className="text-slate-500">—</span>
        )}
      </TableCell>
    </TableRow>
  );
}
