'use client';

import { useId } from 'react';
import type { Issues } from '@/lib/domain/upgrade/group-issues';
import type { UpgradeFormState } from '@/lib/domain/upgrade/upgrade-form-state';
import { FieldIssues } from './field-issues';
import { inputClass, sectionClass } from './form-styles';

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
        <div className="w-40">
          <label htmlFor={`${id}-batch`} className="text-xs font-medium text-slate-700 dark:text-slate-300">
            Batch size
          </label>
          <input id={`${id}-batch`} type="number" min={1} max={100} inputMode="numeric" className={inputClass} value={value.batchSize} onChange={(e) => onChange({ ...value, batchSize: e.target.value })} />
        </div>
        <div className="w-56">
          <label htmlFor={`${id}-interval`} className="text-xs font-medium text-slate-700 dark:text-slate-300">
            Interval between batches (seconds)
          </label>
          <input
            id={`${id}-interval`}
            type="number"
            min={0}
            max={600}
            step="any"
            className={inputClass}
            value={value.intervalSeconds}
            onChange={(e) => onChange({ ...value, intervalSeconds: e.target.value })}
          />
        </div>
      </div>
      <FieldIssues issues={issues} />
    </fieldset>
  );
}
