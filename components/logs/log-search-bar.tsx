import { clsx } from 'clsx';
import { type Ref, useId } from 'react';
import type { MatchFilter } from '@/lib/client/logs/log-view';
import { SelectField } from './select-field';

export interface LogSearchState {
  query: string;
  isRegex: boolean;
  matchCase: boolean;
  matchFilter: MatchFilter;
}

export interface LogSearchBarProps {
  search: LogSearchState;
  onChange: (change: Partial<LogSearchState>) => void;
  onStep: (direction: 1 | -1) => void;
  /** 1-based position of the current match, 0 when none. */
  ordinal: number;
  total: number;
  error: string | null;
  inputRef?: Ref<HTMLInputElement>;
}

const filterOptions: { value: MatchFilter; label: string }[] = [
  { value: 'all', label: 'All lines' },
  { value: 'matching', label: 'Matching lines only' },
  { value: 'non-matching', label: 'Lines not matching' },
];

function Toggle({ label, pressed, onToggle }: { label: string; pressed: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onToggle}
      className={clsx(
        'rounded border px-2 py-0.5 text-sm',
        pressed ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800',
      )}
    >
      {label}
    </button>
  );
}

/** Search within the loaded lines: literal or regex, case toggle, "k of n" with previous and next. */
export function LogSearchBar({ search, onChange, onStep, ordinal, total, error, inputRef }: LogSearchBarProps) {
  const hasQuery = search.query !== '';
  const id = useId();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <input
        ref={inputRef}
        type="search"
        aria-label="Search logs"
        data-shortcut="/"
        data-shortcut-label="Search the log"
        aria-keyshortcuts="/"
        placeholder="Search logs"
        value={search.query}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-count`}
        onChange={(event) => onChange({ query: event.target.value })}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          onStep(event.shiftKey ? -1 : 1);
        }}
        className={clsx(
          'w-64 rounded border bg-white px-2 py-1 text-sm dark:bg-slate-900',
          error ? 'border-red-600' : 'border-slate-300 dark:border-slate-600',
        )}
      />
      <Toggle label="Regex" pressed={search.isRegex} onToggle={() => onChange({ isRegex: !search.isRegex })} />
      <Toggle label="Match case" pressed={search.matchCase} onToggle={() => onChange({ matchCase: !search.matchCase })} />
      <button type="button" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={total === 0} onClick={() => onStep(-1)} className="rounded px-1.5 text-sm hover:bg-slate-100 disabled:opacity-40 dark:hover:bg-slate-800">
        <span aria-hidden>▲</span>
      </button>
      <button type="button" aria-label="Next match" title="Next match (Enter)" disabled={total === 0} onClick={() => onStep(1)} className="rounded px-1.5 text-sm hover:bg-slate-100 disabled:opacity-40 dark:hover:bg-slate-800">
        <span aria-hidden>▼</span>
      </button>
      {/* Not a live region: while lines stream in, the count changes ten times a second. */}
      <span id={`${id}-count`} data-testid="log-match-count" className="min-w-16 text-sm tabular-nums text-slate-600 dark:text-slate-300">
        {hasQuery && !error ? `${ordinal} of ${total}` : ''}
      </span>
      <SelectField label="Show" value={search.matchFilter} options={filterOptions} onChange={(matchFilter) => onChange({ matchFilter })} />
      {error ? (
        <p id={`${id}-error`} className="w-full text-xs text-red-700 dark:text-red-400">
          Not a valid regular expression: {error}
        </p>
      ) : null}
    </div>
  );
}
