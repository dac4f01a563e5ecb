'use client';

import '@xterm/xterm/css/xterm.css';
import { useId, useRef, useState } from 'react';
import { initialContainer, orderContainers, type ShellContainer } from '@/lib/client/shell/container-order';
import { maxFontSize, minFontSize } from '@/lib/client/shell/font-size';
import { shellKeyHelp } from '@/lib/client/shell/shell-keys';
import { describeShellStatus } from '@/lib/client/shell/shell-status';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/field';
import { PasteConfirm } from './paste-confirm';
import { useFontSize } from './use-font-size';
import { usePrefersDark } from './use-prefers-dark';
import { useShellTerminal } from './use-shell-terminal';

export interface ShellPanelProps {
  containers: ShellContainer[];
  /** The container to open first; otherwise the first running one. */
  initialContainerId?: string;
}

/**
 * A terminal in one of a service's containers (ux.md S1-S6): container picker, connection status,
 * text size, reconnect into a new shell, and the notice of what the portal records.
 */
export function ShellPanel({ containers, initialContainerId }: ShellPanelProps) {
  if (containers.length === 0) {
    return <p className="text-sm text-slate-700 dark:text-slate-300">This service has no containers to open a shell in.</p>;
  }
  return <ShellWorkspace containers={containers} initialContainerId={initialContainerId} />;
}

/** The panel once there is a container: the terminal mounts with it, so xterm always has its element. */
function ShellWorkspace({ containers, initialContainerId }: ShellPanelProps) {
  const ordered = orderContainers(containers);
  const [containerId, setContainerId] = useState(() => initialContainer(containers, initialContainerId)?.id);
  const { fontSize, step } = useFontSize();
  const isDark = usePrefersDark();
  const [isScreenReaderMode, setScreenReaderMode] = useState(false);
  const reconnectRef = useRef<HTMLButtonElement>(null);
  const pickerId = useId();
  const { hostRef, status, warning, pendingPaste, reconnect, resolvePaste } = useShellTerminal({
    containerId,
    fontSize,
    isDark,
    isScreenReaderMode,
    onFontStep: step,
    leaveTo: reconnectRef,
  });

  const only = ordered.length === 1 ? ordered[0] : undefined;

  return (
    <section aria-label="Shell" data-keeps-session className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        {only ? (
          <span>
            Container: <span className="font-mono">{only.name}</span>
          </span>
        ) : (
          <span className="flex items-center gap-1">
            <label htmlFor={pickerId}>Container</label>
            <Select id={pickerId} size="sm" value={containerId} onChange={(event) => setContainerId(event.target.value)}>
              {ordered.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.state === 'running' ? c.name : `${c.name} (${c.state})`}
                </option>
              ))}
            </Select>
          </span>
        )}
        <p role="status" aria-live="polite" data-testid="shell-status" className="text-slate-700 dark:text-slate-300">
          {describeShellStatus(status)}
        </p>
        <span className="ml-auto flex items-center gap-1">
          <Button size="sm" aria-label="Smaller text" onClick={() => step(-1)} disabled={fontSize <= minFontSize}>
            A−
          </Button>
          <span className="w-10 text-center tabular-nums" aria-hidden="true">
            {fontSize} px
          </span>
          <Button size="sm" aria-label="Larger text" onClick={() => step(1)} disabled={fontSize >= maxFontSize}>
            A+
          </Button>
        </span>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={isScreenReaderMode} onChange={(event) => setScreenReaderMode(event.target.checked)} />
          Screen reader mode
        </label>
        <Button ref={reconnectRef} size="sm" onClick={reconnect}>
          Reconnect
        </Button>
      </div>
      {warning ? (
        <p role="alert" data-testid="shell-warning" className="rounded bg-amber-100 px-2 py-1 text-sm text-amber-900 dark:bg-amber-900 dark:text-amber-100">
          {warning}
        </p>
      ) : null}
      {pendingPaste ? <PasteConfirm check={pendingPaste.check} onAnswer={resolvePaste} /> : null}
      <div
        ref={hostRef}
        data-testid="terminal"
        className="h-[60vh] min-h-64 overflow-hidden rounded border border-slate-300 bg-white p-1 dark:border-slate-700 dark:bg-slate-950"
      />
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Shell sessions are recorded (who, which container, when, how long, bytes each way); keystrokes and output are not.{' '}
        {shellKeyHelp.map(({ keys, does }) => `${keys}: ${does}`).join(' · ')}.
      </p>
    </section>
  );
}
