'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { FormEvent } from 'react';
import { useStacks } from '@/lib/client/queries/use-stacks';
import { ActivityTimeline } from './activity-timeline';
import { actionChoices, useEnvironmentChoices } from './activity-choices';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';

const textFields = [
  { name: 'actor', label: 'Person (uid)' },
  { name: 'stackName', label: 'Stack' },
] as const;
const timeFields = [
  { name: 'from', label: 'From (UTC)' },
  { name: 'to', label: 'Until (UTC)' },
] as const;
/** Every filter the URL may carry; `stackId` (no field of its own) still works in links made before stacks were filtered by name. */
const filterNames = ['actor', 'stackName', 'stackId', 'action', 'environment', 'from', 'to'] as const;
const timeNames = new Set<string>(timeFields.map((f) => f.name));

/** `datetime-local` gives "2026-11-25T10:00"; the API takes ISO 8601 with an offset. */
function toIso(value: string): string {
  if (!value || value.endsWith('Z')) return value;
  return value.length === 16 ? `${value}:00Z` : `${value}Z`;
}

function fromIso(value: string | null): string {
  return value ? value.slice(0, 16) : '';
}

/** A filter picked from a list, "any" first; remounted when its choices arrive so the URL's value is selected. */
function ChoiceField({ name, label, anyLabel, defaultValue, choices }: { name: string; label: string; anyLabel: string; defaultValue: string | null; choices: { value: string; label: string }[] }) {
  return (
    <Field id={`activity-${name}`} label={label}>
      {(control) => (
        <Select {...control} name={name} defaultValue={defaultValue ?? ''} key={choices.length}>
          <option value="">{anyLabel}</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

/**
 * Staff's view of everyone's activity: filters by the names and words the rows show (a stack's name
 * with suggestions, "restarted" for service.restart), kept in the URL, and the same filter as CSV or
 * JSON lines.
 */
export function ActivityExplorer() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const stackNames = [...new Set(useStacks().data?.stacks.map((s) => s.name) ?? [])].sort();
  const environments = useEnvironmentChoices();
  const filter = new URLSearchParams();
  for (const name of filterNames) {
    const value = params.get(name);
    if (value) filter.set(name, value);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of filterNames) {
      const value = String(form.get(name) ?? '').trim();
      if (value) next.set(name, timeNames.has(name) ? toIso(value) : value);
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
        {textFields.map((f) => (
          <Field key={f.name} id={`activity-${f.name}`} label={f.label}>
            {(control) => <Input {...control} name={f.name} list={f.name === 'stackName' ? 'activity-stack-names' : undefined} defaultValue={filter.get(f.name) ?? ''} />}
          </Field>
        ))}
        <datalist id="activity-stack-names">
          {stackNames.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <ChoiceField name="action" label="Action" anyLabel="Any action" defaultValue={filter.get('action')} choices={actionChoices.map((c) => ({ value: c.action, label: c.words }))} />
        <ChoiceField
          name="environment"
          label="Environment"
          anyLabel="Any environment"
          defaultValue={filter.get('environment')}
          choices={environments.map((e) => ({ value: e.id, label: e.production ? `${e.name} (production)` : e.name }))}
        />
        {timeFields.map((f) => (
          <Field key={f.name} id={`activity-${f.name}`} label={f.label}>
            {(control) => <Input {...control} name={f.name} type="datetime-local" defaultValue={fromIso(filter.get(f.name))} />}
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
