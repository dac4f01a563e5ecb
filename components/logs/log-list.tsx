'use client';

import { type ReactNode, type Ref, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { type LogEntry, type LogLineEntry, rowOfEntry, type RowList } from '@/lib/client/logs/log-entry';
import type { MatchRange } from '@/lib/client/logs/log-search';
import type { TimeZoneChoice } from '@/lib/client/logs/log-time';
import { RowHeightMemory } from '@/lib/client/logs/row-height-memory';
import { estimateWrappedHeight, FixedRowLayout, MeasuredRowLayout, type RowLayout, visibleRows } from '@/lib/client/logs/row-layout';
import { LogRow, type RowTag } from './log-row';
import { useNow } from './use-now';

/** Relative stamps ("12 s ago") are brought up to date this often. */
const relativeTickMs = 5_000;

export interface LogListHandle {
  /** The first row on screen, where a search without a current match starts. */
  firstVisibleRow(): number;
  focus(): void;
}

/** The rows to show, in a new wrapper whenever they change (the buffer itself is one mutable object). */
export interface LogRows {
  rows: RowList<LogEntry>;
}

export interface LogListProps {
  view: LogRows;
  isWrapped: boolean;
  timeZone: TimeZoneChoice | null;
  tags: ReadonlyMap<string, RowTag> | null;
  rangesOf: ((entry: LogLineEntry) => readonly MatchRange[]) | null;
  current: { seq: number; occurrence: number } | null;
  targetSeq: number | null;
  expanded: ReadonlySet<number>;
  onExpand: (seq: number) => void;
  onCopyLink: (entry: LogLineEntry) => void;
  isFollowing: boolean;
  onFollowingChange: (isFollowing: boolean) => void;
  /** Brings an entry to the middle of the viewport, once per new token (the caller pauses following). */
  reveal: { entry: LogEntry; token: number } | null;
  emptyText: string;
  ref?: Ref<LogListHandle>;
  /** Drawn over the list (the "N new lines" pill). */
  children?: ReactNode;
}

const rowHeight = 20;
const overscan = 12;
/** Within this many pixels of the end counts as "at the bottom". */
const bottomSlack = 4;
const noRanges: readonly MatchRange[] = [];

/** The first row on screen and how far the view is scrolled into it: kept while rows come and go. */
interface Anchor {
  entry: LogEntry;
  delta: number;
}

/**
 * A virtual list of log rows: only the rows the viewport reaches are in the DOM, so 100,000 lines scroll
 * like 100. Rows are one height with wrap off; with wrap on each is measured and the rest estimated.
 * While following, the view sticks to the end; scrolling up pauses it, reaching the end resumes it.
 */
export function LogList(props: LogListProps) {
  const { view, isWrapped, timeZone, tags, rangesOf, current, targetSeq, expanded, isFollowing, onFollowingChange, reveal, ref } = props;
  const { rows } = view;
  const scrollRef = useRef<HTMLDivElement>(null);
  const probeRef = useRef<HTMLSpanElement>(null);
  const [viewport, setViewport] = useState({ height: 0, width: 0, charWidth: 7.2 });
  const [anchor, setAnchor] = useState<Anchor | null>(null);
  const [scrollRequest, setScrollRequest] = useState(0);

  // Wrapped rows are measured once rendered; a measurement updates the layout in place (O(log n))
  // and is remembered by entry for the layouts of later batches.
  const hasStamps = timeZone !== null;
  const now = useNow(timeZone === 'relative', relativeTickMs);
  const hasTags = tags !== null;
  const context = `${viewport.width}/${hasStamps}/${hasTags}`;
  const [memory] = useState(() => new RowHeightMemory());
  const [measured, setMeasured] = useState(0);

  const layout = useMemo<RowLayout>(() => {
    const { rows } = view;
    if (!isWrapped) return new FixedRowLayout(rows.length, rowHeight);
    const prefix = 3 + (hasStamps ? 25 : 0) + (hasTags ? 8 : 0);
    const perRow = (viewport.width - 24) / viewport.charWidth - prefix;
    return new MeasuredRowLayout(rows.length, (i) => {
      const entry = rows.at(i);
      if (!entry) return rowHeight;
      return memory.get(context, entry.seq) ?? estimateWrappedHeight(entry.kind === 'line' ? entry.plain.length : 80, perRow, rowHeight);
    });
  }, [view, isWrapped, memory, context, viewport.width, viewport.charWidth, hasStamps, hasTags]);

  const observer = useMemo(() => {
    if (!(layout instanceof MeasuredRowLayout) || typeof ResizeObserver === 'undefined') return null;
    return new ResizeObserver((records) => {
      let hasChanged = false;
      for (const record of records) {
        const element = record.target as HTMLElement;
        const height = element.offsetHeight;
        if (height === 0 || !memory.set(context, Number(element.dataset.seq), height)) continue;
        layout.setHeight(Number(element.dataset.row), height);
        hasChanged = true;
      }
      if (hasChanged) setMeasured((n) => n + 1);
    });
  }, [layout, memory, context]);
  useEffect(() => () => observer?.disconnect(), [observer]);
  const measureRef = useCallback(
    (element: HTMLDivElement | null) => {
      if (!element || !observer) return;
      observer.observe(element);
      return () => observer.unobserve(element);
    },
    [observer],
  );

  // A new reveal moves the anchor to the entry, centred (state adjusted while rendering, as React advises
  // for state that follows a prop).
  const [revealed, setRevealed] = useState(0);
  if (reveal && reveal.token !== revealed) {
    setRevealed(reveal.token);
    const row = rowOfEntry(rows, reveal.entry);
    setAnchor({ entry: rows.at(row) ?? reveal.entry, delta: -Math.max(0, (viewport.height - layout.heightOf(row)) / 2) });
    setScrollRequest((n) => n + 1);
  }

  const maxTop = Math.max(0, layout.total - viewport.height);
  const anchoredTop = anchor ? layout.offsetOf(rowOfEntry(rows, anchor.entry)) + anchor.delta : 0;
  const top = isFollowing ? maxTop : Math.max(0, Math.min(maxTop, anchoredTop));
  const range = visibleRows(layout, top, viewport.height || 800, overscan);

  // Puts the scroll position where the render assumed it, when rows, following or a request moved it.
  // Only then: a user's scroll between two batches must not be undone.
  const applied = useRef<{ layout: RowLayout | null; measured: number; isFollowing: boolean; request: number; top: number | null }>({
    layout: null,
    measured: 0,
    isFollowing,
    request: 0,
    top: null,
  });
  useLayoutEffect(() => {
    const element = scrollRef.current;
    const last = applied.current;
    const isSame = last.layout === layout && last.measured === measured && last.isFollowing === isFollowing && last.request === scrollRequest;
    if (!element || isSame) return;
    applied.current = { layout, measured, isFollowing, request: scrollRequest, top: null };
    if (Math.abs(element.scrollTop - top) > 1) {
      applied.current.top = top;
      element.scrollTop = top;
    }
  }, [layout, measured, isFollowing, scrollRequest, top]);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const resize = new ResizeObserver(() => {
      const probe = probeRef.current;
      const charWidth = probe && probe.offsetWidth > 0 ? probe.offsetWidth / 50 : 7.2;
      setViewport((v) => (v.height === element.clientHeight && v.width === element.clientWidth && v.charWidth === charWidth ? v : { height: element.clientHeight, width: element.clientWidth, charWidth }));
    });
    resize.observe(element);
    return () => resize.disconnect();
  }, []);

  const onScroll = () => {
    const element = scrollRef.current;
    if (!element) return;
    const scrollTop = element.scrollTop;
    const expected = applied.current.top;
    applied.current.top = null;
    const row = layout.indexAt(scrollTop);
    const entry = rows.at(row);
    setAnchor(entry ? { entry, delta: scrollTop - layout.offsetOf(row) } : null);
    if (expected !== null && Math.abs(scrollTop - expected) <= 1) return;
    const isAtBottom = element.scrollHeight - scrollTop - element.clientHeight <= bottomSlack;
    if (isFollowing !== isAtBottom) onFollowingChange(isAtBottom);
  };

  useImperativeHandle(
    ref,
    () => ({
      firstVisibleRow: () => layout.indexAt(scrollRef.current?.scrollTop ?? 0),
      focus: () => scrollRef.current?.focus(),
    }),
    [layout],
  );

  const pause = () => {
    if (isFollowing) onFollowingChange(false);
  };

  const rendered: ReactNode[] = [];
  for (let i = range.start; i < range.end; i++) {
    const entry = rows.at(i);
    if (!entry) continue;
    const isLine = entry.kind === 'line';
    rendered.push(
      <LogRow
        key={entry.seq}
        entry={entry}
        row={i}
        top={layout.offsetOf(i)}
        rowHeight={rowHeight}
        isWrapped={isWrapped}
        timeZone={timeZone}
        now={timeZone === 'relative' ? now : 0}
        tag={tags?.get(entry.containerId) ?? null}
        ranges={isLine && rangesOf ? rangesOf(entry) : noRanges}
        currentOccurrence={current && current.seq === entry.seq ? current.occurrence : null}
        isTarget={entry.seq === targetSeq}
        isExpanded={expanded.has(entry.seq)}
        onExpand={props.onExpand}
        onCopyLink={props.onCopyLink}
        measureRef={observer ? measureRef : undefined}
      />,
    );
  }

  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={scrollRef}
        role="log"
        aria-live="off"
        aria-label="Log output"
        tabIndex={0}
        onScroll={onScroll}
        onWheel={(event) => {
          if (event.deltaY < 0) pause();
        }}
        onTouchMove={pause}
        onPointerDown={(event) => {
          // A press on the scroller itself, not on a row, is a press on its scrollbar.
          if (event.target === event.currentTarget) pause();
        }}
        onKeyDown={(event) => {
          if (event.key === 'End') onFollowingChange(true);
          else if (['Home', 'PageUp', 'ArrowUp'].includes(event.key)) pause();
        }}
        className="h-full overflow-auto rounded-md border border-slate-200 bg-white focus:outline-2 focus:outline-brand-600 dark:border-slate-800 dark:bg-slate-900"
      >
        <span ref={probeRef} aria-hidden className="invisible absolute font-mono text-xs whitespace-pre">
          {'0'.repeat(50)}
        </span>
        <div className="relative min-w-full" style={{ height: layout.total }}>
          {rendered}
        </div>
        {rows.length === 0 ? <p className="p-4 text-sm text-slate-500 dark:text-slate-400">{props.emptyText}</p> : null}
      </div>
      {props.children}
    </div>
  );
}
