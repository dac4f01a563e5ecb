import { clsx } from 'clsx';
import { isTransitional } from '@/lib/domain/rancher/transitional-state';

type Tone = 'ok' | 'busy' | 'warn' | 'bad' | 'idle';

const tones: Record<Tone, { className: string; icon: string }> = {
  ok: { className: 'bg-emerald-50 text-emerald-900 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-200', icon: '●' },
  busy: { className: 'bg-sky-50 text-sky-900 ring-sky-600/30 dark:bg-sky-950 dark:text-sky-200', icon: '◐' },
  warn: { className: 'bg-amber-50 text-amber-900 ring-amber-600/40 dark:bg-amber-950 dark:text-amber-200', icon: '▲' },
  bad: { className: 'bg-red-50 text-red-900 ring-red-600/30 dark:bg-red-950 dark:text-red-200', icon: '✕' },
  idle: { className: 'bg-slate-100 text-slate-800 ring-slate-500/30 dark:bg-slate-800 dark:text-slate-200', icon: '○' },
};

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
  if (!value) return <span className="text-xs text-slate-500">no health check</span>;
  const tone = tones[toneOf(value)];
  return (
    <span
      className={clsx('inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset', tone.className)}
      title={kind === 'state' ? `State: ${value}` : `Health: ${value}`}
    >
      <span aria-hidden>{tone.icon}</span>
      <span className="sr-only">{kind === 'state' ? 'state' : 'health'}: </span>
      {labels[value] ?? value}
    </span>
  );
}
