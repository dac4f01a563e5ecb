import type { RuleContext } from './rule-context';

/** The stack services an operation acts on (all of them for a stack-wide operation), with pointers. */
export function operationTargets(ctx: RuleContext): { name: string; state: string; path: string }[] {
  const services = ctx.stack.services ?? [];
  const target = ctx.operation?.service ?? null;
  return services
    .map((s, i) => ({ name: s.name, state: s.state, path: `/stack/services/${i}/state` }))
    .filter((s) => target === null || s.name === target);
}
