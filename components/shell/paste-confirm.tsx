'use client';

import { useEffect, useId, useRef } from 'react';
import type { PasteCheck } from '@/lib/client/shell/paste-guard';
import { Button } from '@/components/ui/button';

export interface PasteConfirmProps {
  check: PasteCheck;
  onAnswer: (shouldPaste: boolean) => void;
}

/** Asks before a paste with line breaks reaches the shell, where each line would run at once (ux.md S3). */
export function PasteConfirm({ check, onAnswer }: PasteConfirmProps) {
  const titleId = useId();
  const textId = useId();
  const pasteRef = useRef<HTMLButtonElement>(null);
  useEffect(() => pasteRef.current?.focus(), []);
  const lines = check.lineCount === 1 ? 'a line that ends in a line break' : `${check.lineCount} lines`;
  return (
    <div
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onAnswer(false);
        }
      }}
      className="rounded border border-amber-400 bg-amber-50 p-3 text-sm text-slate-900 dark:border-amber-500 dark:bg-slate-900 dark:text-slate-100"
    >
      <p id={titleId} className="font-medium">
        Paste {lines} into the shell?
      </p>
      <p id={textId} className="mt-1 text-slate-700 dark:text-slate-300">
        Each line runs as a command as soon as it arrives.
      </p>
      <pre className="mt-2 max-h-32 overflow-auto rounded bg-white p-2 font-mono text-xs dark:bg-slate-950">{check.preview}</pre>
      <div className="mt-2 flex gap-2">
        <Button ref={pasteRef} variant="primary" onClick={() => onAnswer(true)}>
          Paste
        </Button>
        <Button onClick={() => onAnswer(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
