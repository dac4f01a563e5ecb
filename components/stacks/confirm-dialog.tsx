'use client';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { EnvironmentView } from '@/lib/stacks/stack-schemas';

/**
 * A modal confirmation on the native <dialog>: it traps focus, closes on Escape and returns focus to
 * the button that opened it. In a production environment it says so above everything else, and with
 * `typeToConfirm` the confirm button waits until that text (the stack's name) is typed.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  tone = 'default',
  environment,
  typeToConfirm,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  tone?: 'default' | 'danger';
  /** The stack's environment: a production one is announced in the dialog. */
  environment?: EnvironmentView;
  typeToConfirm?: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const inputId = useId();
  const [typed, setTyped] = useState('');
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  // Each opening asks afresh.
  const [wasOpen, setWasOpen] = useState(open);
  if (wasOpen !== open) {
    setWasOpen(open);
    setTyped('');
  }
  const isTyped = typeToConfirm === undefined || typed.trim() === typeToConfirm;

  return (
    <dialog
      ref={ref}
      onClose={onCancel}
      aria-labelledby={titleId}
      className="m-auto w-full max-w-md rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      {environment?.production ? (
        <p data-testid="production-warning" className="rounded-t-lg bg-red-700 px-5 py-2 text-sm font-semibold text-white dark:bg-red-600">
          Production: {environment.name}. This changes a live service people use.
        </p>
      ) : null}
      <div className="space-y-3 p-5">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <div className="text-sm text-slate-700 dark:text-slate-300">{children}</div>
        {typeToConfirm !== undefined ? (
          <div className="space-y-1">
            <label htmlFor={inputId} className="block text-sm font-medium">
              Type <span className="font-mono">{typeToConfirm}</span> to confirm
            </label>
            <input
              id={inputId}
              value={typed}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setTyped(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && isTyped) onConfirm();
              }}
              className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 font-mono text-sm dark:border-slate-700 dark:bg-slate-900"
            />
          </div>
        ) : null}
      </div>
      <div className="flex justify-end gap-2 border-t border-slate-200 px-5 py-3 dark:border-slate-700">
        <button type="button" onClick={onCancel} className="rounded-md px-3 py-1.5 text-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 dark:ring-slate-600 dark:hover:bg-slate-800">
          Cancel
        </button>
        <button
          type="button"
          onClick={onConfirm}
          disabled={!isTyped}
          className={`rounded-md px-3 py-1.5 text-sm font-medium text-white disabled:cursor-not-allowed disabled:opacity-50 ${tone === 'danger' ? 'bg-red-700 hover:bg-red-800' : 'bg-brand-600 hover:bg-brand-700'}`}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
