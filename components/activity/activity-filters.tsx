'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { FormEvent } from 'react';
import { ActivityTimeline } from './activity-timeline';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';

const fields = [
  { name: 'actor', label: 'Person (uid)', type: 'text' },
  { name: 'stackId', label: 'Stack id', type: 'text' },
  { name: 'action', label: 'Action', type: 'text' },
  { name: 'from', label: 'From (UTC)', type: 'datetime-local' },
  { name: 'to', label: 'Until (UTC)', type: 'datetime-local' },
] as const;

/** `datetime-local` gives "2026-11-25T10:00"; the API takes ISO 8601 with an offset. */
function toIso(value: string): string {
  if (!value || value.endsWith('Z')) return value;
  return value.length === 16 ? `${value}:00Z` : `${value}Z`;
}

function fromIso(value: string | null): string {
  return value ? value.slice(0, 16) : '';
}

/** Staff's view of everyone's activity: filters in the URL, and the same filter as CSV or JSON lines. */
export function ActivityExplorer() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filter = new URLSearchParams();
  for (const f of fields) {
    const value = params.get(f.name);
    if (value) filter.set(f.name, value);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const f of fields) {
      const value = String(form.get(f.name) ?? '').trim();
      if (value) next.set(f.name, f.type === 'datetime-local' ? toIso(value) : value);
    }
    router.replace(`${pathname}${next.size ? `?${next}` : ''}`);
  }

  const exportQuery = (format: string) => {
    const q = new URLSearchParams(filter);
    q.set('format', format);
    return `/api/v1/activity?${q}`;
  };
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" key={filter.toString()}>
        {fields.map((f) => (
          <Field key={f.name} id={`activity-${f.name}`} label={f.label}>
            {(control) => <Input {...control} name={f.name} type={f.type} defaultValue={f.type === 'datetime-local' ? fromIso(filter.get(f.name)) : (filter.get(f.name) ?? '')} />}
          </Field>
        ))}
        <Button type="submit" variant="primary">
          Apply
        </Button>
        <a href={exportQuery('csv')} className="text-sm text-brand-600 underline dark:text-blue-400">
          Export CSV
        </a>
        <a href={exportQuery('jsonl')} className="text-sm text-brand-600 underline dark:text-blue-400">
          Export JSON lines
        </a>
      </form>
      <ActivityTimeline filter={filter} showStack />
    </div>
  );
}
