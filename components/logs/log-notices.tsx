import { defaultLogCapacity } from '@/lib/client/logs/log-ring-buffer';
import type { LogPermalink } from '@/lib/client/logs/permalink';
import { Button } from '@/components/ui/button';

export interface LogNoticesProps {
  evicted: number;
  capacity?: number;
  /** A passing message (a copied link). */
  notice: string;
  /** A permalink still looked for, and whether it is now known not to be loaded. */
  target: { link: LogPermalink; isMissing: boolean } | null;
  canLoadAll: boolean;
  onLoadAll: () => void;
}

/** What the view wants the user to know besides the lines: dropped history, the permalink, a copied link. */
export function LogNotices({ evicted, capacity = defaultLogCapacity, notice, target, canLoadAll, onLoadAll }: LogNoticesProps) {
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      {evicted > 0 ? (
        <p className="text-amber-800 dark:text-amber-300">
          {evicted.toLocaleString('en')} older lines dropped: the view keeps the newest {capacity.toLocaleString('en')}.
        </p>
      ) : null}
      {target ? (
        <p className="text-slate-700 dark:text-slate-300">
          {target.isMissing ? `The linked line (${target.link.ts}) is not among the loaded lines: it may have aged out of the log.` : 'Looking for the linked line…'}
          {target.isMissing && canLoadAll ? (
            <Button variant="link" onClick={onLoadAll} className="ml-2">
              Load all lines
            </Button>
          ) : null}
        </p>
      ) : null}
      <p aria-live="polite" className="text-slate-700 dark:text-slate-300">
        {notice}
      </p>
    </div>
  );
}
