import { clsx } from 'clsx';
import { memo, type Ref } from 'react';
import { parseAnsi } from '@/lib/client/logs/ansi-sgr';
import { lineSeverity } from '@/lib/client/logs/line-severity';
import { lineSegments, maxShownCharacters } from '@/lib/client/logs/line-segments';
import type { LogEntry, LogLineEntry } from '@/lib/client/logs/log-entry';
import type { MatchRange } from '@/lib/client/logs/log-search';
import { formatClock, formatLogTime, type TimeZoneChoice } from '@/lib/client/logs/log-time';
import { tagClasses } from './ansi-classes';
import { AnsiText } from './ansi-text';
import { Button } from '@/components/ui/button';

export interface RowTag {
  text: string;
  colour: number;
}

export interface LogRowProps {
  entry: LogEntry;
  /** The row's index in the view, for measuring it. */
  row: number;
  top: number;
  rowHeight: number;
  isWrapped: boolean;
  /** The zone to show stamps in, or null to hide them. */
  timeZone: TimeZoneChoice | null;
  /** The clock relative stamps count from; 0 otherwise, so rows do not re-render as it ticks. */
  now: number;
  tag: RowTag | null;
  ranges: readonly MatchRange[];
  currentOccurrence: number | null;
  isTarget: boolean;
  isExpanded: boolean;
  onExpand: (seq: number) => void;
  onCopyLink: (entry: LogLineEntry) => void;
  measureRef?: Ref<HTMLDivElement>;
}

const severityBorder = { error: 'border-red-500', warning: 'border-amber-500' } as const;

function Tag({ tag }: { tag: RowTag | null }) {
  if (!tag) return null;
  return <span className={clsx('shrink-0 font-semibold', tagClasses[tag.colour])}>{tag.text}</span>;
}

function markerText(entry: Exclude<LogEntry, LogLineEntry>, zone: TimeZoneChoice): string {
  if (entry.kind === 'dropped') return `${entry.count.toLocaleString('en')} lines dropped by the server: this browser read too slowly`;
  const at = formatClock(entry.reconnectedAt, zone);
  return entry.isContinuous ? `Reconnected ${at}: no lines missed` : `Reconnected ${at}: lines may be missing since ${formatClock(entry.time.ms, zone)}`;
}

/** One row of the log: a line (stamp, container tag, styled text, copy-link action) or a marker. */
export const LogRow = memo(function LogRow(props: LogRowProps) {
  const { entry, top, rowHeight, isWrapped, timeZone, tag, measureRef } = props;
  // What every row carries: its place, and what the list's measuring reads back.
  const frame = {
    ref: measureRef,
    'data-seq': entry.seq,
    'data-row': props.row,
    style: isWrapped ? { top, left: 0, right: 0, minHeight: rowHeight } : { top, left: 0, minWidth: '100%', height: rowHeight },
  };
  const base = clsx('absolute flex gap-2 px-2 font-mono text-xs leading-5', !isWrapped && 'w-max');

  if (entry.kind !== 'line') {
    return (
      <div {...frame} data-testid="log-marker" role="note" className={clsx(base, 'items-center bg-amber-50 text-amber-900 italic dark:bg-amber-950/60 dark:text-amber-200')}>
        <span aria-hidden>⋯</span>
        <Tag tag={tag} />
        <span>{markerText(entry, timeZone ?? 'local')}</span>
      </div>
    );
  }

  const { ranges, currentOccurrence, isTarget, isExpanded, onExpand, onCopyLink } = props;
  const isCut = !isExpanded && entry.plain.length > maxShownCharacters;
  const segments = lineSegments(parseAnsi(entry.line), ranges, currentOccurrence, isCut ? maxShownCharacters : Infinity);
  const severity = lineSeverity(entry.plain);
  return (
    <div
      {...frame}
      data-testid="log-line"
      data-stream={entry.stream}
      data-permalink-target={isTarget ? '' : undefined}
      className={clsx(
        base,
        'group border-l-2',
        severity ? severityBorder[severity] : 'border-transparent',
        entry.stream === 'stderr' && 'bg-red-50 dark:bg-red-950/40',
        isTarget && 'bg-sky-100 ring-1 ring-sky-500 ring-inset dark:bg-sky-900/60',
      )}
    >
      <Button
        variant="link"
        aria-label="Copy link to line"
        title="Copy a link to this line"
        onClick={() => onCopyLink(entry)}
        // Shown on hover or focus only: a mark in every row's margin would crowd the log.
        className="w-4 shrink-0 text-slate-400 no-underline opacity-0 group-hover:opacity-100 focus-visible:opacity-100 dark:text-slate-400"
      >
        #
      </Button>
      {timeZone ? (
        <time dateTime={entry.ts} title={entry.ts} className="shrink-0 text-slate-600 dark:text-slate-400">
          {formatLogTime(entry.time.ms, timeZone, props.now)}
        </time>
      ) : null}
      <Tag tag={tag} />
      {entry.stream === 'stderr' ? <span className="shrink-0 text-red-700 dark:text-red-300">err</span> : null}
      <span className={clsx('min-w-0', isWrapped ? 'whitespace-pre-wrap break-all' : 'whitespace-pre')}>
        <AnsiText segments={segments} />
        {isCut ? (
          <Button variant="link" onClick={() => onExpand(entry.seq)} className="ml-2">
            Show full line ({entry.plain.length.toLocaleString('en')} characters)
          </Button>
        ) : null}
      </span>
    </div>
  );
});
