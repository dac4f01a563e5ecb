'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { type KeyboardEvent, useMemo } from 'react';
import { useStacks } from '@/lib/client/queries/use-stacks';
import { applyStackFilter, parseStackFilter, stackFilterParams, type StackFilter } from '@/lib/domain/stacks/stack-filter';
import type { StackList as StackListData } from '@/lib/domain/stacks/stack-schemas';
import { StackListFilters } from './stack-list-filters';
import { AwaitingFinishList } from './awaiting-finish-list';
import { StackRow } from './stack-row';
import { EmptyStacks } from './empty-stacks';
import { QueryError } from './query-error';
import { Table, TableBody, TableCaption, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
import { UnavailableEnvironments } from './unavailable-environments';

const rowKeys: Record<string, (at: number, last: number) => number> = {
  ArrowDown: (at, last) => Math.min(last, at + 1),
  ArrowUp: (at) => Math.max(0, at - 1),
  Home: () => 0,
  End: (_at, last) => last,
};

/** Up, Down, Home and End move between the stacks' links (ux.md L5); Enter opens one, as links do. */
function moveBetweenRows(event: KeyboardEvent<HTMLTableSectionElement>): void {
  const move = rowKeys[event.key];
  const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a[data-row-link]')];
  const at = links.indexOf(event.target as HTMLAnchorElement);
  if (!move || at < 0) return;
  event.preventDefault();
  links[move(at, links.length - 1)]?.focus();
}

/** The stacks list: search, scope, attention and sort live in the URL so a view can be shared. */
export function StackList({ initial, uid, isStaff }: { initial: StackListData; uid: string; isStaff: boolean }) {
  const { data, error, refetch, isFetching, dataUpdatedAt } = useStacks(initial);
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filter = parseStackFilter(new URLSearchParams(params.toString()));
  const rows = useMemo(() => applyStackFilter(data?.stacks ?? [], filter), [data, filter]);

  function update(change: Partial<StackFilter>) {
    router.replace(`${pathname}${stackFilterParams({ ...filter, ...change })}`, { scroll: false });
  }

  const total = data?.stacks.length ?? 0;
  return (
    <div className="space-y-4">
      {isStaff ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
          Staff view: you see every stack, including stacks without an owner tag.
        </p>
      ) : null}
      <AwaitingFinishList stacks={data?.stacks ?? []} />
      <UnavailableEnvironments environments={data?.environments ?? []} />
      <StackListFilters filter={filter} onChange={update} environments={(data?.environments ?? []).map((e) => e.name)} />
      {error ? <QueryError error={error} onRetry={() => void refetch()} isRetrying={isFetching} updatedAt={dataUpdatedAt} /> : null}
      {total === 0 ? (
        <EmptyStacks uid={uid} />
      ) : (
        <div className="overflow-hidden rounded-lg border border-slate-200 dark:border-slate-800">
          <Table>
            <TableCaption>{isStaff ? 'All stacks' : 'Your stacks'} ({rows.length} of {total} shown)</TableCaption>
            <TableHead>
              <TableRow>
                <TableHeaderCell>Stack</TableHeaderCell>
                <TableHeaderCell>State</TableHeaderCell>
                <TableHeaderCell>Health</TableHeaderCell>
                <TableHeaderCell>Services</TableHeaderCell>
                <TableHeaderCell>Owner</TableHeaderCell>
                <TableHeaderCell>Group</TableHeaderCell>
                <TableHeaderCell>Address</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody onKeyDown={moveBetweenRows}>
              {rows.map((stack) => (
                <StackRow key={stack.id} stack={stack} />
              ))}
            </TableBody>
          </Table>
          {rows.length === 0 ? (
            <p className="px-3 py-6 text-center text-sm text-slate-600 dark:text-slate-400">
              No stack matches these filters.{' '}
              <Link href={pathname} className="text-brand-600 underline dark:text-blue-400">
                Clear filters
              </Link>
            </p>
          ) : null}
        </div>
      )}
    </div>
  );
}
