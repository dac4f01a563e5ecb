import { isTransitional } from '@/lib/domain/rancher/transitional-state';
import { Badge } from '@/components/ui/badge';

type Tone = 'ok' | 'busy' | 'warn' | 'bad' | 'idle';

const icons: Record<Tone, string> = { ok: '●', busy: '◐', warn: '▲', bad: '✕', idle: '○' };

const stateTone: Record<string, Tone> = {
  active: 'ok',
  running: 'ok',
  started: 'ok',
  inactive: 'idle',
  stopped: 'idle',
  upgraded: 'warn',
  'canceled-upgrade': 'warn',
  error: 'bad',
  failed: 'bad',
  removed: 'bad',
  healthy: 'ok',
  'started-once': 'ok',
  degraded: 'warn',
  unhealthy: 'bad',
  initializing: 'busy',
  reinitializing: 'busy',
};

const labels: Record<string, string> = { upgraded: 'upgraded, awaiting finish' };

function toneOf(value: string): Tone {
  return stateTone[value] ?? (isTransitional(value) ? 'busy' : 'idle');
}

/** A state or health badge: icon, words and colour, so colour is never the only signal (ux.md L2). */
export function StateBadge({ value, kind }: { value: string | null; kind: 'state' | 'health' }) {
  if (!value) return <span className="text-xs text-slate-600 dark:text-slate-400">no health check</span>;
  const tone = toneOf(value);
  return (
    <Badge tone={tone} title={kind === 'state' ? `State: ${value}` : `Health: ${value}`}>
      <span aria-hidden>{icons[tone]}</span>
      <span className="sr-only">{kind === 'state' ? 'state' : 'health'}: </span>
      {labels[value] ?? value}
    </Badge>
  );
}
