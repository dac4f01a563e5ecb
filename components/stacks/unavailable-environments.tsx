import type { EnvironmentStatus } from '@/lib/domain/stacks/stack-schemas';

/** An environment that did not answer is named here; the stacks of the others are listed as usual. */
export function UnavailableEnvironments({ environments }: { environments: EnvironmentStatus[] }) {
  const down = environments.filter((e) => !e.available);
  if (down.length === 0) return null;
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
      {down.map((e) => (
        <p key={e.id}>
          <span className="font-medium">{e.name}</span> is unavailable, so its stacks are not listed: {e.problem ?? 'Rancher did not answer.'} The other environments are shown.
        </p>
      ))}
    </div>
  );
}
