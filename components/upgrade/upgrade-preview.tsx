import type { Ref } from 'react';
import type { AuditChange } from '@/lib/domain/audit/upgrade-diff';
import type { PolicySummary } from '@/lib/domain/policy/finding';
import { changeLabel, formatDiffValue, summarizeChanges } from '@/lib/domain/upgrade/diff-summary';

const look = {
  add: { symbol: '+', word: 'added', className: 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200' },
  remove: { symbol: '−', word: 'removed', className: 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200' },
  replace: { symbol: '~', word: 'changed', className: 'bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200' },
} as const;

function Value({ path, value }: { path: string; value: unknown }) {
  return <code className="break-all font-mono">{formatDiffValue(path, value)}</code>;
}

/**
 * The preview before Apply: a one-line summary, then every field that changes with a symbol, a word and
 * a colour (colour is never the only signal). Secret-looking variables show `[redacted]`, as in the
 * activity record. Focusable so the Preview button can move the reader here.
 */
export function UpgradePreview({ changes, summary, rollout, ref }: { changes: AuditChange[]; summary: PolicySummary; rollout: string; ref?: Ref<HTMLElement> }) {
  return (
    <section ref={ref} tabIndex={-1} aria-labelledby="upgrade-preview-title" className="space-y-3 rounded-lg border border-brand-600/50 p-4 focus:outline-2 focus:outline-brand-600">
      <h3 id="upgrade-preview-title" className="text-base font-semibold">
        Preview
      </h3>
      <p className="text-sm">
        <span className="font-medium">Summary:</span> {summarizeChanges(changes)}
      </p>
      <ul data-testid="upgrade-diff" aria-label="Changes, field by field" className="space-y-1 text-sm">
        {changes.map((c) => {
          const l = look[c.op];
          return (
            <li key={c.path} className={`flex flex-wrap items-baseline gap-2 rounded px-2 py-1 ${l.className}`} data-op={c.op}>
              <span aria-hidden className="w-3 font-mono font-bold">
                {l.symbol}
              </span>
              <span className="font-mono font-medium">{changeLabel(c.path)}</span>
              <span className="text-xs uppercase tracking-wide">{l.word}</span>
              {c.op === 'replace' ? (
                <span>
                  <Value path={c.path} value={c.before} /> <span aria-hidden>→</span>
                  <span className="sr-only">to</span> <Value path={c.path} value={c.after} />
                </span>
              ) : (
                <Value path={c.path} value={c.op === 'add' ? c.after : c.before} />
              )}
            </li>
          );
        })}
      </ul>
      <p className="text-sm text-slate-700 dark:text-slate-300">{rollout}</p>
      <p className="text-sm">
        Spin policy:{' '}
        {summary.errors > 0
          ? `${summary.errors} ${summary.errors === 1 ? 'error blocks' : 'errors block'} this upgrade`
          : summary.warnings > 0
            ? `${summary.warnings} ${summary.warnings === 1 ? 'warning' : 'warnings'} to acknowledge`
            : 'passes'}
        .
      </p>
    </section>
  );
}
