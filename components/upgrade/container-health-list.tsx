import { StateBadge } from '@/components/stacks/state-badge';
import type { ContainerView } from '@/lib/domain/stacks/stack-schemas';

/** The service's containers with state and health, followed live during and after an upgrade. */
export function ContainerHealthList({ containers }: { containers: ContainerView[] }) {
  return (
    <ul aria-label="Containers" className="space-y-1 text-sm">
      {containers.map((c) => (
        <li key={c.id} className="flex flex-wrap items-center gap-2">
          <span className="font-mono">{c.name}</span>
          <StateBadge value={c.state} kind="state" />
          <StateBadge value={c.healthState} kind="health" />
        </li>
      ))}
    </ul>
  );
}
