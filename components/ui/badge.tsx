import type { ComponentProps } from 'react';
import { cn } from './cn';

export type BadgeTone = 'ok' | 'busy' | 'warn' | 'bad' | 'idle' | 'brand';

const tones: Record<BadgeTone, string> = {
  ok: 'bg-emerald-50 text-emerald-900 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-200',
  busy: 'bg-sky-50 text-sky-900 ring-sky-600/30 dark:bg-sky-950 dark:text-sky-200',
  warn: 'bg-amber-50 text-amber-900 ring-amber-600/40 dark:bg-amber-950 dark:text-amber-200',
  bad: 'bg-red-50 text-red-900 ring-red-600/30 dark:bg-red-950 dark:text-red-200',
  idle: 'bg-slate-100 text-slate-800 ring-slate-500/30 dark:bg-slate-800 dark:text-slate-200',
  brand: 'bg-brand-600/10 text-brand-700 ring-brand-600/30 dark:text-blue-300',
};

/**
 * A small pill of words in a tone. Colour is never the only signal (ux.md L2): the words say it, and a
 * caller adds an icon where the tone carries meaning (StateBadge).
 */
export function Badge({ tone, className, ...props }: ComponentProps<'span'> & { tone: BadgeTone }) {
  return <span className={cn('inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset', tones[tone], className)} {...props} />;
}
