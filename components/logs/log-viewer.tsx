'use client';

import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { containerTags, sharedNamePrefix, tagColourIndex } from '@/lib/client/logs/container-tags';
import { maxShownCharacters } from '@/lib/client/logs/line-segments';
import { downloadFileName, formatLogText } from '@/lib/client/logs/log-download';
import type { LogEntry, LogLineEntry } from '@/lib/client/logs/log-entry';
import type { LogPreferences } from '@/lib/client/logs/log-preferences';
import { compileSearch } from '@/lib/client/logs/log-search';
import { buildLogView, type StreamChoice } from '@/lib/client/logs/log-view';
import { encodePermalink, locatePermalink, type LogPermalink, permalinkOf } from '@/lib/client/logs/permalink';
import { collectSearchResults, MatchCache, matchOrdinal, noResults, pointerOfEntry, stepMatch } from '@/lib/client/logs/search-results';
import { ConnectionStatusLine } from './connection-status';
import { ContainerChips } from './container-chips';
import { LogList, type LogListHandle, type LogRows } from './log-list';
import { LogNotices } from './log-notices';
import type { RowTag } from './log-row';
import { LogSearchBar, type LogSearchState } from './log-search-bar';
import { LogToolbar } from './log-toolbar';
import { saveTextFile } from './save-text-file';
import { useLogPreferences } from './use-log-preferences';
import { useLogStore } from './use-log-store';
import { Button } from '@/components/ui/button';

export interface LogViewerProps {
  /** The containers the page shows: one for a container's log, all of a service for a merged view. */
  containers: { id: string; name: string; state?: string }[];
  /** The one container to start with; without it every container is selected (merged). */
  initialContainerId?: string;
  /** The line a permalink points at (decodePermalink of the page's search params). */
  permalink?: LogPermalink;
  /** Lines kept before the oldest are dropped (default 100,000, at most 500,000). */
  capacity?: number;
}

function initialSelection(containers: LogViewerProps['containers'], initialContainerId?: string, permalink?: LogPermalink): string[] {
  const wanted = permalink?.containerId ?? initialContainerId;
  const ids = containers.map((c) => c.id);
  return wanted !== undefined && ids.includes(wanted) ? [wanted] : ids;
}

const noExpanded: ReadonlySet<number> = new Set();

/**
 * Live logs of one container, or of a service's containers merged in time order: follow, search,
 * filters, download, permalinks, and reconnection that resumes without repeating lines.
 */
export function LogViewer({ containers, initialContainerId, permalink, capacity }: LogViewerProps) {
  const [preferences, savePreferences] = useLogPreferences();
  const [selected, setSelected] = useState(() => initialSelection(containers, initialContainerId, permalink));
  // A permalink shows its line whatever stream filter was saved.
  const [streamsOverride, setStreamsOverride] = useState<StreamChoice | null>(permalink ? 'all' : null);
  const streams = streamsOverride ?? preferences.streams;
  const { snapshot, store } = useLogStore(selected, preferences.tail, capacity);
  const [search, setSearch] = useState<LogSearchState>({ query: '', isRegex: false, matchCase: false, matchFilter: 'all' });
  const [current, setCurrent] = useState<{ entry: LogLineEntry; occurrence: number } | null>(null);
  const [follow, setFollow] = useState({ isFollowing: permalink === undefined, pausedAt: 0 });
  const [reveal, setReveal] = useState<{ entry: LogEntry; token: number } | null>(null);
  const [expanded, setExpanded] = useState(noExpanded);
  const [notice, setNotice] = useState('');
  const listRef = useRef<LogListHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  // A container that stopped and runs again (a crash loop's restart) is followed at once.
  const runningKey = containers.filter((c) => c.state === 'running').map((c) => c.id).join('\n');
  useEffect(() => {
    if (runningKey) store.resumeRunning(runningKey.split('\n'));
  }, [store, runningKey]);

  const isMerged = containers.length > 1;
  const tags = useMemo(() => {
    const texts = containerTags(containers.map((c) => c.name));
    return new Map<string, RowTag>(containers.map((c, i) => [c.id, { text: texts[i] ?? c.name, colour: tagColourIndex(i) }]));
  }, [containers]);

  const { query, isRegex, matchCase, matchFilter } = search;
  const compiled = useMemo(() => compileSearch({ query, isRegex, matchCase }), [query, isRegex, matchCase]);
  const cache = useMemo(() => (compiled.ok && compiled.pattern ? new MatchCache(compiled.pattern) : null), [compiled]);
  const rangesOf = useMemo(() => (cache ? (entry: LogLineEntry) => cache.rangesOf(entry) : null), [cache]);
  const view = useMemo<LogRows>(
    () => ({ rows: buildLogView(snapshot.entries, { streams, matchFilter: cache ? matchFilter : 'all', isMatch: (entry) => (cache ? cache.rangesOf(entry).length > 0 : true) }) }),
    [snapshot, streams, cache, matchFilter],
  );
  const results = useMemo(() => (rangesOf ? collectSearchResults(view.rows, rangesOf) : noResults), [view, rangesOf]);
  const pointer = current ? pointerOfEntry(view.rows, current.entry, current.occurrence) : null;

  const setFollowing = useCallback(
    (isFollowing: boolean) => {
      const received = store.getSnapshot().received;
      setFollow((f) => (f.isFollowing === isFollowing ? f : { isFollowing, pausedAt: received }));
    },
    [store],
  );
  const newLines = follow.isFollowing ? 0 : Math.max(0, snapshot.received - follow.pausedAt);

  const show = (entry: LogEntry) => {
    setFollowing(false);
    setReveal((r) => ({ entry, token: (r?.token ?? 0) + 1 }));
  };

  // The permalink's line: looked for as lines arrive until found, or known not to be loaded.
  const [target, setTarget] = useState<{ link: LogPermalink; shown: LogLineEntry | null; isMissing: boolean } | null>(
    permalink ? { link: permalink, shown: null, isMissing: false } : null,
  );
  const isLooking = target !== null && target.shown === null && !target.isMissing;
  const location = useMemo(() => (isLooking && target ? locatePermalink(snapshot.entries, target.link) : null), [snapshot, target, isLooking]);
  if (target && location?.status === 'found') {
    const entry = location.entry;
    setTarget({ ...target, shown: entry });
    setFollow({ isFollowing: false, pausedAt: snapshot.received });
    setReveal((r) => ({ entry, token: (r?.token ?? 0) + 1 }));
    if (entry.plain.length > maxShownCharacters) setExpanded((s) => new Set(s).add(entry.seq));
  } else if (target && location?.status === 'missing') {
    setTarget({ ...target, isMissing: true });
  }
  const isTargetConnected = target ? snapshot.statuses.get(target.link.containerId)?.state === 'connected' : false;
  const isTargetPending = location?.status === 'pending';
  useEffect(() => {
    // A container whose lines stop short of the linked time will not reach it: say so after a while.
    if (!isTargetPending || !isTargetConnected) return;
    const timer = setTimeout(() => setTarget((t) => (t && !t.shown ? { ...t, isMissing: true } : t)), 5_000);
    return () => clearTimeout(timer);
  }, [isTargetPending, isTargetConnected]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), 5_000);
    return () => clearTimeout(timer);
  }, [notice]);

  const changePreferences = (change: Partial<LogPreferences>) => {
    if (change.streams) setStreamsOverride(null);
    if (change.tail && change.tail !== preferences.tail) {
      // A new tail starts the view afresh, at its end.
      setFollowing(true);
      setTarget((t) => (t && !t.shown ? { ...t, isMissing: false } : t));
    }
    savePreferences(change);
  };

  const step = (direction: 1 | -1) => {
    const next = stepMatch(results, pointer, direction, listRef.current?.firstVisibleRow() ?? 0);
    const entry = next ? view.rows.at(next.row) : undefined;
    if (!next || entry?.kind !== 'line') return;
    setCurrent({ entry, occurrence: next.occurrence });
    show(entry);
    const range = rangesOf?.(entry)[next.occurrence];
    if (range && range[1] > maxShownCharacters) setExpanded((s) => new Set(s).add(entry.seq));
  };

  const copyLink = useCallback(async (entry: LogLineEntry) => {
    const url = encodePermalink(window.location.href, permalinkOf(entry));
    // The address bar holds the link too, for browsers that keep the clipboard from plain-HTTP pages.
    window.history.replaceState(null, '', url);
    try {
      await navigator.clipboard.writeText(url);
      setNotice('Link to the line copied.');
    } catch {
      setNotice('The browser kept the clipboard closed: the link to the line is in the address bar.');
    }
  }, []);
  const onCopyLink = useCallback((entry: LogLineEntry) => void copyLink(entry), [copyLink]);
  const onExpand = useCallback((seq: number) => setExpanded((s) => new Set(s).add(seq)), []);

  const download = () => {
    const names = containers.filter((c) => selected.includes(c.id)).map((c) => c.name);
    const text = formatLogText(snapshot.entries, { containerNames: isMerged ? new Map(containers.map((c) => [c.id, c.name])) : undefined });
    saveTextFile(downloadFileName(sharedNamePrefix(names), new Date()), text);
  };

  const toggleContainer = (id: string) => {
    setSelected((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : containers.map((c) => c.id).filter((x) => x === id || ids.includes(x))));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const element = event.target as HTMLElement;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      searchRef.current?.select();
      return;
    }
    // Shortcuts are plain keys; they never fire while typing in a field.
    if (event.ctrlKey || event.metaKey || event.altKey || element.closest('input, select, textarea, [contenteditable="true"]')) return;
    const actions: Record<string, () => void> = {
      '/': () => searchRef.current?.select(),
      f: () => setFollowing(!follow.isFollowing),
      t: () => changePreferences({ timestamps: !preferences.timestamps }),
      w: () => changePreferences({ wrap: !preferences.wrap }),
      n: () => step(1),
      N: () => step(-1),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const sources = containers.filter((c) => selected.includes(c.id)).map((c) => ({ id: c.id, tag: isMerged ? (tags.get(c.id)?.text ?? c.name) : c.name }));
  const firstStatus = snapshot.statuses.get(selected[0] ?? '')?.state;
  return (
    <section aria-label="Container logs" data-log-view data-keeps-session onKeyDown={onKeyDown} className="flex flex-col gap-3">
      {isMerged ? (
        <ContainerChips chips={containers.map((c) => ({ ...c, colour: tags.get(c.id)?.colour ?? 0 }))} selected={new Set(selected)} onToggle={toggleContainer} />
      ) : null}
      <LogToolbar
        preferences={preferences}
        streams={streams}
        onChange={changePreferences}
        isFollowing={follow.isFollowing}
        onFollowingChange={setFollowing}
        onDownload={download}
        canDownload={snapshot.entries.length > 0}
      />
      <LogSearchBar
        search={search}
        onChange={(change) => {
          setSearch((s) => ({ ...s, ...change }));
          setCurrent(null);
        }}
        onStep={step}
        ordinal={matchOrdinal(results, pointer)}
        total={results.total}
        error={compiled.ok ? null : compiled.error}
        inputRef={searchRef}
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <ConnectionStatusLine sources={sources} statuses={snapshot.statuses} onReconnect={() => store.reconnect()} />
        <LogNotices
          evicted={snapshot.evicted}
          capacity={capacity}
          notice={notice}
          target={target && !target.shown ? { link: target.link, isMissing: target.isMissing } : null}
          canLoadAll={preferences.tail !== 'all'}
          onLoadAll={() => changePreferences({ tail: 'all' })}
        />
      </div>
      <div className="flex h-[70vh] min-h-80 flex-col">
        <LogList
          ref={listRef}
          view={view}
          isWrapped={preferences.wrap}
          timeZone={preferences.timestamps ? preferences.timeZone : null}
          tags={isMerged ? tags : null}
          rangesOf={rangesOf}
          current={current && pointer ? { seq: current.entry.seq, occurrence: current.occurrence } : null}
          targetSeq={target?.shown?.seq ?? null}
          expanded={expanded}
          onExpand={onExpand}
          onCopyLink={onCopyLink}
          isFollowing={follow.isFollowing}
          onFollowingChange={setFollowing}
          reveal={reveal}
          emptyText={firstStatus === 'connected' ? 'No lines yet.' : 'Waiting for the log…'}
        >
          {newLines > 0 ? (
            <Button variant="primary" onClick={() => setFollowing(true)} className="absolute bottom-4 left-1/2 -translate-x-1/2 rounded-full py-1 shadow-lg">
              {newLines.toLocaleString('en')} new {newLines === 1 ? 'line' : 'lines'} <span aria-hidden>↓</span>
            </Button>
          ) : null}
        </LogList>
      </div>
    </section>
  );
}
