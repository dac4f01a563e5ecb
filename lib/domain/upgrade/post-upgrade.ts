import type { UpgradeInput } from '@/lib/domain/upgrade/upgrade-input';
import { serviceView, type ServiceView } from '@/lib/domain/stacks/stack-schemas';
import { upgradeProblem, UpgradeRefusal } from './upgrade-refusal';

/**
 * Posts an upgrade and returns the service in its `upgrading` state. A refusal keeps what the problem
 * body carries beyond `detail` (the findings of a 422, the fields of a 400), which the generic fetch
 * helper drops, because the form shows them next to the fields.
 */
export async function postUpgrade(stackId: string, serviceId: string, input: UpgradeInput): Promise<ServiceView> {
  const res = await fetch(`/api/v1/stacks/${encodeURIComponent(stackId)}/services/${encodeURIComponent(serviceId)}/upgrade`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body: unknown = await res.json().catch(() => ({}));
  if (res.ok) return serviceView.parse(body);
  const problem = upgradeProblem.safeParse(body);
  throw new UpgradeRefusal(res.status, problem.success ? problem.data : {});
}
