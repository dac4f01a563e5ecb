import { type Ref, useId } from 'react';
import type { MatchFilter } from '@/lib/client/logs/log-view';
import { SelectField } from './select-field';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';

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

/** An on/off option: filled while on, and aria-pressed says so to a screen reader. */
function Toggle({ label, pressed, onToggle }: { label: string; pressed: boolean; onToggle: () => void }) {
  return (
    <Button variant={pressed ? 'primary' : 'secondary'} size="sm" aria-pressed={pressed} onClick={onToggle}>
      {label}
    </Button>
  );
}

/** Search within the loaded lines: literal or regex, case toggle, "k of n" with previous and next. */
export function LogSearchBar({ search, onChange, onStep, ordinal, total, error, inputRef }: LogSearchBarProps) {
  const hasQuery = search.query !== '';
  const id = useId();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Input
        ref={inputRef}
        size="sm"
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
        className="w-64 py-1"
      />
      <Toggle label="Regex" pressed={search.isRegex} onToggle={() => onChange({ isRegex: !search.isRegex })} />
      <Toggle label="Match case" pressed={search.matchCase} onToggle={() => onChange({ matchCase: !search.matchCase })} />
      <Button variant="ghost" size="icon" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={total === 0} onClick={() => onStep(-1)}>
        <span aria-hidden>▲</span>
      </Button>
      <Button variant="ghost" size="icon" aria-label="Next match" title="Next match (Enter)" disabled={total === 0} onClick={() => onStep(1)}>
        <span aria-hidden>▼</span>
      </Button>
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
