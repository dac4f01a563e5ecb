'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { isPlainKey, nextKey } from '@/lib/client/keyboard/key-sequence';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

interface Shortcut {
  keys: string;
  label: string;
}

/** How long `g` waits for the key that completes `g s` or `g a`. */
const prefixTimeoutMs = 1_500;

/** The log view handles these itself (components/logs/log-viewer.tsx); listed when it is on the page. */
const logViewShortcuts: Shortcut[] = [
  { keys: 'f', label: 'Follow new lines on or off' },
  { keys: 't', label: 'Timestamps on or off' },
  { keys: 'w', label: 'Wrap lines on or off' },
  { keys: 'n', label: 'Next match' },
  { keys: 'N', label: 'Previous match' },
  { keys: 'Ctrl+F', label: 'Search the log' },
];

interface Destination extends Shortcut {
  href: string;
}

const stacksPage: Destination = { keys: 'g s', href: '/stacks', label: 'Go to the stacks' };
const activityPage: Destination = { keys: 'g a', href: '/activity', label: 'Go to the activity of every stack' };

const destinationsFor = (isStaff: boolean): Destination[] => (isStaff ? [stacksPage, activityPage] : [stacksPage]);

/** Keys never act while someone types: in a field, or in a terminal. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, select, textarea, [contenteditable="true"], .xterm') !== null;
}

/** What the page offers: elements marked `data-shortcut`, labelled by `data-shortcut-label`. */
function pageShortcuts(): Shortcut[] {
  const found = new Map<string, string>();
  for (const element of document.querySelectorAll<HTMLElement>('[data-shortcut]')) {
    const keys = element.dataset.shortcut ?? '';
    if (!found.has(keys)) found.set(keys, element.dataset.shortcutLabel ?? element.textContent ?? keys);
  }
  return [...found].map(([keys, label]) => ({ keys, label }));
}

/**
 * The keyboard shortcuts of every signed-in page (ux.md X2): `?` lists them, `g s` and `g a` go to the
 * stacks and (for staff) the activity, and a page's own keys act on the element that declares them
 * (`/` focuses its search; `l`, `s`, `u` open a service's logs, shell and upgrade).
 */
export function KeyboardShortcuts({ isStaff }: { isStaff: boolean }) {
  const router = useRouter();
  const [listed, setListed] = useState<{ page: Shortcut[]; hasLogView: boolean } | null>(null);

  useEffect(() => {
    let pending: string | null = null;
    let pendingTimer: ReturnType<typeof setTimeout> | undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isPlainKey(event) || isTyping(event.target)) return;
      const step = nextKey(pending, event.key);
      pending = step.pending;
      clearTimeout(pendingTimer);
      if (pending) {
        pendingTimer = setTimeout(() => (pending = null), prefixTimeoutMs);
        return;
      }
      const shortcut = step.shortcut ?? '';
      if (shortcut === '?') {
        event.preventDefault();
        setListed({ page: pageShortcuts(), hasLogView: document.querySelector('[data-log-view]') !== null });
        return;
      }
      const destination = destinationsFor(isStaff).find((d) => d.keys === shortcut);
      if (destination) {
        event.preventDefault();
        router.push(destination.href);
        return;
      }
      const target = document.querySelector<HTMLElement>(`[data-shortcut="${CSS.escape(shortcut)}"]`);
      if (!target) return;
      event.preventDefault();
      if (target instanceof HTMLInputElement) {
        target.focus();
        target.select();
      } else target.click();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      clearTimeout(pendingTimer);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [router, isStaff]);

  const rows: Shortcut[] = [
    { keys: '?', label: 'Show these shortcuts' },
    ...destinationsFor(isStaff),
    ...(listed?.page ?? []),
    ...(listed?.hasLogView ? logViewShortcuts : []),
  ];
  return (
    <Dialog open={listed !== null} title="Keyboard shortcuts" onClose={() => setListed(null)} footer={<Button onClick={() => setListed(null)}>Close</Button>}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5" data-testid="shortcut-list">
        {rows.map((row) => (
          <div key={row.keys} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-100 px-1.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">{row.keys}</kbd>
            </dt>
            <dd>{row.label}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">Shortcuts do nothing while you type in a field or a terminal.</p>
    </Dialog>
  );
}
