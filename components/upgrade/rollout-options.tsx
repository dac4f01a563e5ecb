'use client';

import { useId } from 'react';
import type { Issues } from '@/lib/domain/upgrade/group-issues';
import type { UpgradeFormState } from '@/lib/domain/upgrade/upgrade-form-state';
import { FieldIssues } from './field-issues';
import { sectionClass } from './form-styles';
import { Field, Input } from '@/components/ui/field';

type Rollout = Pick<UpgradeFormState, 'startFirst' | 'batchSize' | 'intervalSeconds'>;

/** Rancher's upgrade strategy: start-before-stopping, batch size and the pause between batches. */
export function RolloutOptions({ value, onChange, issues }: { value: Rollout; onChange: (value: Rollout) => void; issues: Issues }) {
  const id = useId();
  return (
    <fieldset className={sectionClass}>
      <legend className="px-1 text-sm font-semibold">Rollout</legend>
      <div className="flex items-center gap-2">
        <input id={`${id}-first`} type="checkbox" className="size-4" checked={value.startFirst} onChange={(e) => onChange({ ...value, startFirst: e.target.checked })} />
        <label htmlFor={`${id}-first`} className="text-sm">
          Start before stopping (the new container starts before the old one stops)
        </label>
      </div>
      <div className="flex flex-wrap gap-3">
        <Field id={`${id}-batch`} label="Batch size" className="w-40">
          {(control) => <Input {...control} type="number" min={1} max={100} inputMode="numeric" className="block w-full" value={value.batchSize} onChange={(e) => onChange({ ...value, batchSize: e.target.value })} />}
        </Field>
        <Field id={`${id}-interval`} label="Interval between batches (seconds)" className="w-56">
          {(control) => (
            <Input {...control} type="number" min={0} max={600} step="any" className="block w-full" value={value.intervalSeconds} onChange={(e) => onChange({ ...value, intervalSeconds: e.target.value })} />
          )}
        </Field>
      </div>
      <FieldIssues issues={issues} />
    </fieldset>
  );
}
