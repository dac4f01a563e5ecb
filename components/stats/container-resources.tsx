'use client';

import { useState } from 'react';
import { SelectField } from '@/components/logs/select-field';
import { ResourceCharts } from './resource-charts';

/** One container's resource charts, with a choice of the service's containers (the Resources tab). */
export function ContainerResources({ containers, initialContainerId }: { containers: readonly { id: string; name: string }[]; initialContainerId?: string }) {
  const [chosenId, setChosenId] = useState(() => (containers.find((c) => c.id === initialContainerId) ?? containers[0])?.id ?? '');
  const chosen = containers.find((c) => c.id === chosenId);
  if (!chosen) return <p className="text-sm text-slate-600 dark:text-slate-400">This service has no containers.</p>;
  return (
    <div className="space-y-3">
      <SelectField label="Container" value={chosen.id} options={containers.map((c) => ({ value: c.id, label: c.name }))} onChange={setChosenId} />
      <ResourceCharts key={chosen.id} target={{ containerId: chosen.id }} containers={[chosen]} title={`Resources of ${chosen.name}`} />
    </div>
  );
}
