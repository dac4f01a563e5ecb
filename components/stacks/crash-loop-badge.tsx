import type { ServiceView } from '@/lib/domain/stacks/stack-schemas';
import { Badge } from '@/components/ui/badge';

function describe(crashLoop: NonNullable<ServiceView['crashLoop']>, serviceName?: string): string {
  const who = serviceName ? `${serviceName} keeps` : 'Keeps';
  const exit = crashLoop.lastExitCode === null ? '' : `; last exit code ${crashLoop.lastExitCode}`;
  return `${who} restarting: ${crashLoop.restartsInWindow} restarts seen in the last 10 minutes${exit}`;
}

/** The steady "crash looping" marker (judged over a window, lib/domain/stacks/crash-loop.ts), with its evidence as a title. */
export function CrashLoopBadge({ services, className }: { services: readonly Pick<ServiceView, 'name' | 'crashLoop'>[]; className?: string }) {
  const looping = services.filter((s) => s.crashLoop !== null);
  if (looping.length === 0) return null;
  const title = looping.map((s) => describe(s.crashLoop as NonNullable<ServiceView['crashLoop']>, services.length > 1 ? s.name : undefined)).join('\n');
  return (
    <Badge tone="bad" className={className} title={title} data-testid="crash-looping">
      <span aria-hidden>↻</span>
      crash looping
      {looping[0]?.crashLoop?.lastExitCode != null ? <span className="font-normal">(exit {looping[0].crashLoop.lastExitCode})</span> : null}
    </Badge>
  );
}
