import type { Issues } from '@/lib/domain/upgrade/group-issues';

const severityLook = {
  error: { icon: '✕', word: 'Blocks', className: 'border-red-600 bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200' },
  warning: { icon: '▲', word: 'Warning', className: 'border-amber-600 bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200' },
  info: { icon: 'ℹ', word: 'Note', className: 'border-sky-600 bg-sky-50 text-sky-900 dark:bg-sky-950 dark:text-sky-200' },
} as const;

/**
 * A field's findings (icon, word and colour, so colour is never the only signal; the rule id links to
 * its entry on /policy) and its input problems. `id` lets the field point at it with aria-describedby.
 */
export function FieldIssues({ id, issues }: { id?: string; issues: Issues }) {
  if (issues.findings.length === 0 && issues.problems.length === 0) return null;
  return (
    <ul id={id} className="space-y-1 text-sm">
      {issues.problems.map((message) => (
        <li key={message} className="text-red-800 dark:text-red-300">
          <span aria-hidden>✕ </span>
          {message}
        </li>
      ))}
      {issues.findings.map((f) => {
        const look = severityLook[f.severity];
        return (
          <li key={`${f.ruleId} ${f.path} ${f.message}`} data-testid="policy-finding" data-severity={f.severity} className={`rounded-r border-l-4 px-2 py-1 ${look.className}`}>
            <span aria-hidden>{look.icon} </span>
            <strong>{look.word}:</strong> {f.message}{' '}
            <a href={`/policy#${f.ruleId}`} className="font-mono text-xs underline">
              {f.ruleId}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
