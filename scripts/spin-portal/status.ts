import type { StackView } from '../../lib/domain/stacks/stack-schemas';

/** `spin-portal status --json`: the stack and its services, as a script wants them. */
export function statusJson(stack: StackView) {
  return {
    stack: { id: stack.id, name: stack.name, environment: stack.environment.name, production: stack.environment.production, state: stack.state, healthState: stack.healthState },
    services: stack.services.map((s) => ({
      id: s.id,
      name: s.name,
      state: s.state,
      healthState: s.healthState,
      scale: s.scale,
      image: s.image,
      upgradeInProgress: s.upgradeInProgress,
      transitioningMessage: s.transitioningMessage,
    })),
  };
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0))) ?? [];
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd()).join('\n');
}

/** `spin-portal status`: a heading line and one row per service. */
export function statusText(stack: StackView): string {
  const production = stack.environment.production ? ' (production)' : '';
  const heading = `${stack.name} (${stack.id}) in ${stack.environment.name}${production}: ${stack.state}, ${stack.healthState}`;
  const rows = [
    ['SERVICE', 'STATE', 'HEALTH', 'SCALE', 'IMAGE'],
    ...stack.services.map((s) => [s.name, s.upgradeInProgress && s.state === 'upgraded' ? 'upgraded (awaiting finish)' : s.state, s.healthState, String(s.scale), s.image]),
  ];
  return `${heading}\n${table(rows)}\n`;
}
