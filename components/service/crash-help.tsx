'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { stripAnsi } from '@/lib/client/logs/ansi-sgr';
import { parseLogSocketFrame } from '@/lib/client/logs/log-socket-frame';
import { OutOfMemoryHelp } from '@/components/stats/out-of-memory-help';
import { metricById } from '@/lib/client/stats/stats-history';
import { useStatsStream } from '@/lib/client/stats/use-stats-stream';
import { exitCodeMeaning } from '@/lib/domain/stacks/exit-codes';
import { likelyOutOfMemory } from '@/lib/domain/stats/out-of-memory';
import type { ContainerView } from '@/lib/domain/stacks/stack-schemas';

const shownLines = 20;

/**
 * The last lines a container wrote, read once (no follow) from the logs websocket. A crash-looping
 * container is often between runs (starting), when Rancher offers no logs: try again a few times.
 */
function useLastLines(containerId: string): { lines: { stream: string; line: string }[]; isLoading: boolean } {
  const [state, setState] = useState<{ lines: { stream: string; line: string }[]; isLoading: boolean }>({ lines: [], isLoading: true });
  useEffect(() => {
    let socket: WebSocket | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let triesLeft = 5;
    const open = () => {
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      const lines: { stream: string; line: string }[] = [];
      socket = new WebSocket(`${scheme}://${window.location.host}/api/v1/containers/${encodeURIComponent(containerId)}/logs?tail=${shownLines}&follow=0`);
      socket.onmessage = (event) => {
        const frame = parseLogSocketFrame(typeof event.data === 'string' ? event.data : '');
        if (frame && 'line' in frame) lines.push({ stream: frame.stream, line: stripAnsi(frame.line) });
      };
      socket.onclose = (event) => {
        triesLeft--;
        if (lines.length === 0 && event.code !== 1000 && triesLeft > 0) retry = setTimeout(open, 1000);
        else setState({ lines: lines.slice(-shownLines), isLoading: false });
      };
    };
    open();
    return () => {
      clearTimeout(retry);
      if (socket) {
        socket.onclose = null;
        socket.close();
      }
    };
  }, [containerId]);
  return state;
}

/**
 * Help for a service that keeps crashing (ux.md E3): how often it restarted, what its last exit code
 * means, and the last lines it wrote, with the way to the full log.
 */
export function CrashHelp({ containers, logsHref }: { containers: ContainerView[]; logsHref: string }) {
  const worst = [...containers].sort((a, b) => b.startCount - a.startCount)[0];
  const { lines, isLoading } = useLastLines(worst?.id ?? '');
  const { history } = useStatsStream(worst ? { containerId: worst.id } : null);
  // Rancher reports an exit code only while the container is down; keep the last one seen between runs.
  const [lastExit, setLastExit] = useState<number | null>(worst?.lastExitCode ?? null);
  if (worst && worst.lastExitCode !== null && worst.lastExitCode !== lastExit) setLastExit(worst.lastExitCode);
  if (!worst) return null;
  const meaning = exitCodeMeaning(lastExit);
  const memory = history.get(worst.id) ?? [];
  const outOfMemory = likelyOutOfMemory(lastExit, memory, worst.state === 'running');
  return (
    <section aria-labelledby="crash-help-title" data-testid="crash-help" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/50">
      <h2 id="crash-help-title" className="text-base font-semibold text-amber-950 dark:text-amber-100">
        This service keeps restarting
      </h2>
      <dl className="grid grid-cols-1 gap-1 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs text-amber-900/80 dark:text-amber-200/80">Container</dt>
          <dd className="font-mono">{worst.name}</dd>
        </div>
        <div>
          <dt className="text-xs text-amber-900/80 dark:text-amber-200/80">Started</dt>
          <dd>
            <span data-testid="crash-start-count">{worst.startCount}</span> times
          </dd>
        </div>
        <div>
          <dt className="text-xs text-amber-900/80 dark:text-amber-200/80">Last exit code</dt>
          <dd>
            <span data-testid="crash-exit-code">{lastExit ?? '—'}</span>
            {meaning ? <span className="text-amber-900 dark:text-amber-200"> — {meaning}</span> : null}
          </dd>
        </div>
      </dl>
      {outOfMemory ? <OutOfMemoryHelp container={worst} history={history} metric={metricById('memory')} /> : null}
      <div>
        <h3 className="text-sm font-medium">Last {shownLines} log lines</h3>
        <pre tabIndex={0} className="mt-1 max-h-80 overflow-auto rounded bg-slate-950 p-2 text-xs leading-5 text-slate-100" data-testid="crash-log-lines" aria-busy={isLoading}>
          {isLoading ? 'Loading…' : lines.length === 0 ? 'No log lines.' : lines.map((l, i) => <span key={i} className={l.stream === 'stderr' ? 'text-red-300' : undefined}>{`${l.line}\n`}</span>)}
        </pre>
      </div>
      <p className="text-sm">
        <Link href={logsHref} className="font-medium text-brand-700 underline dark:text-blue-400">
          Open the full log
        </Link>
        {' · '}Look for the error just before each exit; a wrong setting or a missing file is the usual cause. Restarting will not fix it by itself.
      </p>
    </section>
  );
}
