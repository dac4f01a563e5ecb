import { clsx } from 'clsx';
import type { LineSegment } from '@/lib/client/logs/line-segments';
import { ansiPresentation } from './ansi-classes';

/**
 * A line's styled pieces as React text (never markup): ANSI colours as classes, search matches as
 * `<mark>`, the current match stronger.
 */
export function AnsiText({ segments }: { segments: readonly LineSegment[] }) {
  return (
    <>
      {segments.map((segment, i) => {
        const { className, css } = ansiPresentation(segment.style);
        if (segment.mark === 'none') {
          return className || css ? (
            <span key={i} className={className} style={css}>
              {segment.text}
            </span>
          ) : (
            segment.text
          );
        }
        return (
          <mark
            key={i}
            data-current-match={segment.mark === 'current' ? '' : undefined}
            className={clsx(
              className,
              'rounded-sm text-slate-950',
              segment.mark === 'current' ? 'bg-orange-400 outline-2 outline-orange-600 dark:bg-orange-500' : 'bg-yellow-200 dark:bg-yellow-300',
            )}
            style={css}
          >
            {segment.text}
          </mark>
        );
      })}
    </>
  );
}
