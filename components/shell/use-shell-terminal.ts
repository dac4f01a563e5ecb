'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { ITerminalOptions, Terminal } from '@xterm/xterm';
import type { FitAddon } from '@xterm/addon-fit';
import { checkPaste, type PasteCheck } from '@/lib/client/shell/paste-guard';
import { ShellConnection } from '@/lib/client/shell/shell-connection';
import { encodeBinaryInput, encodeKeystrokes } from '@/lib/client/shell/shell-frames';
import { classifyShellKey } from '@/lib/client/shell/shell-keys';
import { disconnectNotice, type ShellStatus } from '@/lib/client/shell/shell-status';
import { shellSocketUrl } from '@/lib/client/shell/shell-url';
import { dimmedTranscript, type TranscriptLine } from '@/lib/client/shell/transcript';
import { copyText } from './copy-text';
import { openBrowserShellSocket } from './open-browser-shell-socket';
import { darkTerminalTheme, lightTerminalTheme } from './terminal-theme';

/** The fit waits for the size to settle (ux.md S2) so a window drag sends one resize, not dozens. */
const fitDebounceMs = 100;

export interface PendingPaste {
  text: string;
  check: PasteCheck;
}

export interface ShellTerminalOptions {
  containerId: string | undefined;
  fontSize: number;
  isDark: boolean;
  isScreenReaderMode: boolean;
  onFontStep: (step: 1 | -1) => void;
  /** The escape chord: focus leaves the terminal for this element. */
  leaveTo: RefObject<HTMLElement | null>;
}

interface LoadedTerminal {
  term: Terminal;
  fit: FitAddon;
}

/** Changes options of a running terminal; a new font size needs a new fit (which sends the resize). */
function applyOptions(loaded: LoadedTerminal | null, options: Pick<ITerminalOptions, 'fontSize' | 'theme' | 'screenReaderMode'>): void {
  if (!loaded) return;
  const isNewSize = loaded.term.options.fontSize !== options.fontSize;
  Object.assign(loaded.term.options, options);
  if (isNewSize) loaded.fit.fit();
}

/** Every row of the normal screen buffer (not the alternate one, which full-screen programs use). */
function screenLines(term: Terminal): TranscriptLine[] {
  const buffer = term.buffer.normal;
  const lines: TranscriptLine[] = [];
  for (let i = 0; i < buffer.length; i++) {
    const line = buffer.getLine(i);
    if (line) lines.push({ text: line.translateToString(false), isWrapped: line.isWrapped });
  }
  return lines;
}

/** Clears the screen for a new shell, keeping the earlier output dimmed above "— new session —". */
function keepEarlierOutput(term: Terminal): void {
  const transcript = dimmedTranscript(screenLines(term));
  term.reset();
  if (transcript) term.write(transcript);
}

/**
 * An xterm terminal in `host` wired to a shell in `containerId`: keys and pastes go out as binary
 * frames, output is written in, size changes are fitted and sent, and a new container or a reconnect
 * opens a new shell below the old output. xterm is imported in the browser only.
 */
export function useShellTerminal(options: ShellTerminalOptions) {
  const { containerId, fontSize, isDark, isScreenReaderMode } = options;
  const hostRef = useRef<HTMLDivElement | null>(null);
  // xterm lives in a ref (it is mutated, never rendered); this flag re-runs the effects once it exists.
  const [isReady, setReady] = useState(false);
  const [status, setStatus] = useState<ShellStatus>({ state: 'connecting' });
  const [warning, setWarning] = useState<string | null>(null);
  const [pendingPaste, setPendingPaste] = useState<PendingPaste | null>(null);
  const connectionRef = useRef<ShellConnection | null>(null);
  // The key and paste handlers are attached once; they read the latest callbacks through this ref.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const loadedRef = useRef<LoadedTerminal | null>(null);

  const paste = useCallback((text: string) => {
    if (!text) return;
    const check = checkPaste(text);
    if (check.needsConfirmation) setPendingPaste({ text, check });
    else loadedRef.current?.term.paste(text);
  }, []);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    let isCancelled = false;
    let cleanup: (() => void) | null = null;
    void (async () => {
      const [{ Terminal: XTerm }, { FitAddon: Fit }, { WebLinksAddon }] = await Promise.all([
        import('@xterm/xterm'),
        import('@xterm/addon-fit'),
        import('@xterm/addon-web-links'),
      ]);
      if (isCancelled) return;
      const { fontSize: size, isDark: dark, isScreenReaderMode: screenReader } = latest.current;
      const term = new XTerm({
        fontSize: size,
        fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace',
        theme: dark ? darkTerminalTheme : lightTerminalTheme,
        screenReaderMode: screenReader,
        cursorBlink: true,
        scrollback: 5_000,
      });
      const fit = new Fit();
      term.loadAddon(fit);
      term.loadAddon(new WebLinksAddon());
      term.open(host);
      fit.fit();

      term.attachCustomKeyEventHandler((event) => {
        const action = classifyShellKey(event);
        if (!action) return true;
        if (action === 'paste') return false; // the browser's own paste follows and reaches the paste guard
        event.preventDefault(); // Ctrl+Shift+C opens developer tools, Ctrl+= zooms the page
        if (action === 'copy' && term.hasSelection()) void copyText(term.getSelection());
        if (action === 'larger-text') latest.current.onFontStep(1);
        if (action === 'smaller-text') latest.current.onFontStep(-1);
        if (action === 'leave-terminal') latest.current.leaveTo.current?.focus();
        return false;
      });
      // Capture phase: the guard sees every paste (keys, context menu, middle click) before xterm does.
      const onPaste = (event: ClipboardEvent) => {
        event.preventDefault();
        event.stopPropagation();
        paste(event.clipboardData?.getData('text/plain') ?? '');
      };
      host.addEventListener('paste', onPaste, true);

      const typed = (bytes: Uint8Array, text: string) => {
        const connection = connectionRef.current;
        if (!connection) return;
        // After a close, Enter opens a new shell (ux.md S4); other keys have nowhere to go.
        if (connection.status.state === 'closed') {
          if (text.includes('\r')) connection.reconnect();
          return;
        }
        connection.input(bytes);
      };
      const dataListener = term.onData((text) => typed(encodeKeystrokes(text), text));
      const binaryListener = term.onBinary((text) => typed(encodeBinaryInput(text), text));
      const resizeListener = term.onResize(({ cols, rows }) => connectionRef.current?.resize({ cols, rows }));

      let fitTimer: ReturnType<typeof setTimeout> | null = null;
      const observer = new ResizeObserver(() => {
        if (fitTimer !== null) clearTimeout(fitTimer);
        fitTimer = setTimeout(() => {
          fitTimer = null;
          fit.fit();
        }, fitDebounceMs);
      });
      observer.observe(host);

      cleanup = () => {
        if (fitTimer !== null) clearTimeout(fitTimer);
        observer.disconnect();
        host.removeEventListener('paste', onPaste, true);
        dataListener.dispose();
        binaryListener.dispose();
        resizeListener.dispose();
        term.dispose();
      };
      loadedRef.current = { term, fit };
      setReady(true);
      term.focus();
    })();
    return () => {
      isCancelled = true;
      loadedRef.current = null;
      setReady(false);
      cleanup?.();
    };
  }, [paste]);

  // One connection per container; switching keeps what the last one printed, dimmed.
  useEffect(() => {
    const term = loadedRef.current?.term;
    if (!isReady || !term || !containerId) return;
    keepEarlierOutput(term);
    const connection = new ShellConnection({
      url: (size) => shellSocketUrl(window.location, containerId, size),
      openSocket: openBrowserShellSocket,
      onOutput: (bytes) => term.write(bytes),
      onStatus: (next) => {
        setStatus(next);
        if (next.state === 'closed') term.write(`\r\n\x1b[0m\x1b[2m${disconnectNotice(next)}\x1b[22m\r\n`);
      },
      onWarning: setWarning,
      onNewSession: () => {
        keepEarlierOutput(term);
        term.focus();
      },
    });
    connectionRef.current = connection;
    connection.start({ cols: term.cols, rows: term.rows });
    term.focus();
    return () => {
      connection.stop();
      if (connectionRef.current === connection) connectionRef.current = null;
    };
  }, [isReady, containerId]);

  useEffect(() => {
    if (isReady) applyOptions(loadedRef.current, { fontSize, theme: isDark ? darkTerminalTheme : lightTerminalTheme, screenReaderMode: isScreenReaderMode });
  }, [isReady, fontSize, isDark, isScreenReaderMode]);

  const reconnect = useCallback(() => {
    connectionRef.current?.reconnect();
    loadedRef.current?.term.focus();
  }, []);

  const resolvePaste = useCallback(
    (shouldPaste: boolean) => {
      if (pendingPaste && shouldPaste) loadedRef.current?.term.paste(pendingPaste.text);
      setPendingPaste(null);
      loadedRef.current?.term.focus();
    },
    [pendingPaste],
  );

  return { hostRef, status, warning, pendingPaste, reconnect, resolvePaste };
}
