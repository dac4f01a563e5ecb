import type { EnvironmentView, StackListItem } from './stack-schemas';

/** Spin's naming for a development copy of a stack: `foo-jgi-doe-dev` tries out what `foo-jgi-doe` will run. */
const devSuffix = '-dev';

export interface PromotionTarget {
  stackId: string;
  stackName: string;
  serviceId: string;
}

/**
 * Where a dev service's image can be promoted to: the service of the same name in the production stack
 * named like the dev stack without `-dev`, when the user sees that stack (seeing a stack means holding
 * every right on it, upgrade included). Null for production stacks and when there is no such service.
 */
export function promotionTarget(
  visible: readonly Pick<StackListItem, 'id' | 'name' | 'environment' | 'services'>[],
  stack: { name: string; environment: EnvironmentView },
  serviceName: string,
): PromotionTarget | null {
  if (stack.environment.production || !stack.name.endsWith(devSuffix)) return null;
  const prodName = stack.name.slice(0, -devSuffix.length);
  const prod = visible.find((s) => s.name === prodName && s.environment.production);
  const service = prod?.services.find((s) => s.name === serviceName);
  return prod && service ? { stackId: prod.id, stackName: prod.name, serviceId: service.id } : null;
}

/** The production upgrade form, opened with the dev service's image in it. */
export function promotionHref(target: PromotionTarget, image: string): string {
  return `/stacks/${target.stackId}/services/${target.serviceId}?tab=upgrade&image=${encodeURIComponent(image)}`;
}
