'use client';

import { useEffect, useState } from 'react';
import type { Scope, Sort, StackFilter } from '@/lib/stacks/stack-filter';

const scopeLabels: Record<Scope, string> = { mine: 'Mine', groups: 'My groups', all: 'All' };
const sortLabels: Record<Sort, string> = { name: 'Name', state: 'State', health: 'Health (worst first)', owner: 'Owner' };

export function StackListFilters({
  filter,
  onChange,
  environments,
}: {
  filter: StackFilter;
  onChange: (change: Partial<StackFilter>) => void;
  /** Names of the portal's environments; the environment choice shows when there are several. */
  environments: string[];
}) {
  // The search box updates the URL after a short pause, not on every key.
  const [query, setQuery] = useState(filter.query);
  useEffect(() => {
    if (query === filter.query) return;
    const timer = setTimeout(() => onChange({ query }), 200);
    return () => clearTimeout(timer);
  }, [query, filter.query, onChange]);

  const control = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900';
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="min-w-64 flex-1">
        <label htmlFor="stack-search" className="block text-xs font-medium text-slate-600 dark:text-slate-400">
          Search stacks, services, images, owners
        </label>
        <input id="stack-search" type="search" data-shortcut="/" data-shortcut-label="Search the stacks" aria-keyshortcuts="/" value={query} onChange={(e) => setQuery(e.target.value)} className={`${control} mt-1 w-full`} placeholder="e.g. nginx" />
      </div>
      <fieldset className="flex items-center gap-1" aria-label="Show">
        <legend className="sr-only">Show</legend>
        {(Object.keys(scopeLabels) as Scope[]).map((scope) => (
          <label
            key={scope}
            className={`cursor-pointer rounded-md px-3 py-1.5 text-sm ring-1 ring-inset ring-slate-300 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600 dark:ring-slate-700 ${
              filter.scope === scope ? 'bg-brand-600 text-white ring-brand-600' : 'bg-white dark:bg-slate-900'
            }`}
          >
            <input type="radio" name="scope" value={scope} checked={filter.scope === scope} onChange={() => onChange({ scope })} className="sr-only" />
            {scopeLabels[scope]}
          </label>
        ))}
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={filter.needsAttention} onChange={(e) => onChange({ needsAttention: e.target.checked })} />
        Needs attention
      </label>
      {environments.length > 1 ? (
        <div>
          <label htmlFor="stack-environment" className="block text-xs font-medium text-slate-600 dark:text-slate-400">
            Environment
          </label>
          <select id="stack-environment" value={filter.environment} onChange={(e) => onChange({ environment: e.target.value })} className={`${control} mt-1`}>
            <option value="">All environments</option>
            {environments.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div>
        <label htmlFor="stack-sort" className="block text-xs font-medium text-slate-600 dark:text-slate-400">
          Sort by
        </label>
        <select id="stack-sort" value={filter.sort} onChange={(e) => onChange({ sort: e.target.value as Sort })} className={`${control} mt-1`}>
          {(Object.keys(sortLabels) as Sort[]).map((sort) => (
            <option key={sort} value={sort}>
              {sortLabels[sort]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
