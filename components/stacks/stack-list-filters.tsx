'use client';

import { useEffect, useState } from 'react';
import type { Scope, Sort, StackFilter } from '@/lib/domain/stacks/stack-filter';
import { buttonClasses } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';

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

  return (
    <div className="flex flex-wrap items-end gap-3">
      <Field id="stack-search" label="Search stacks, services, images, owners" className="min-w-64 flex-1">
        {(control) => (
          <Input
            {...control}
            type="search"
            data-shortcut="/"
            data-shortcut-label="Search the stacks"
            aria-keyshortcuts="/"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            className="w-full"
            placeholder="e.g. nginx"
          />
        )}
      </Field>
      <fieldset className="flex items-center gap-1" aria-label="Show">
        <legend className="sr-only">Show</legend>
        {(Object.keys(scopeLabels) as Scope[]).map((scope) => (
          <label
            key={scope}
            // A radio group that looks like a row of buttons: the chosen one is filled.
            className={buttonClasses({
              variant: filter.scope === scope ? 'primary' : 'secondary',
              className: 'cursor-pointer has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600',
            })}
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
        <Field id="stack-environment" label="Environment">
          {(control) => (
            <Select {...control} value={filter.environment} onChange={(e) => onChange({ environment: e.target.value })}>
              <option value="">All environments</option>
              {environments.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      <Field id="stack-sort" label="Sort by">
        {(control) => (
          <Select {...control} value={filter.sort} onChange={(e) => onChange({ sort: e.target.value as Sort })}>
            {(Object.keys(sortLabels) as Sort[]).map((sort) => (
              <option key={sort} value={sort}>
                {sortLabels[sort]}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </div>
  );
}
