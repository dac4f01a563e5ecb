import { ruleSeverity, type Rule } from '@/lib/domain/policy/rule';
import { PROFILE_IDS } from '@/lib/domain/policy/profiles';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { SourceTag } from './source-legend';

const severityTone: Record<ReturnType<typeof ruleSeverity>, BadgeTone> = { error: 'bad', warning: 'warn', info: 'busy', off: 'idle' };

/** One rule of the catalog: what it checks, why (with NERSC's own words), how to fix, and its examples. */
export function RuleEntry({ rule }: { rule: Rule }) {
  const failing = rule.cases.filter((c) => c.expect.length > 0);
  const passing = rule.cases.filter((c) => c.expect.length === 0);
  return (
    <article id={rule.id} aria-labelledby={`${rule.id}-title`} className="scroll-mt-20 space-y-2 border-b border-slate-200 py-5 dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={`${rule.id}-title`} className="text-lg font-semibold">
          {rule.title}
        </h2>
        <code className="text-sm text-slate-600 dark:text-slate-400">{rule.id}</code>
        {PROFILE_IDS.map((profile) => {
          const severity = ruleSeverity(rule, profile);
          return (
            <Badge key={profile} tone={severityTone[severity]} className="font-normal" title={`Severity under profile ${profile}`}>
              {profile}: {severity}
            </Badge>
          );
        })}
        {rule.waivable ? <span className="text-xs text-slate-600 dark:text-slate-400">waivable</span> : null}
        {rule.inferred ? <span className="text-xs text-slate-600 dark:text-slate-400" title="The condition is the portal team's reading, not a NERSC statement">inferred</span> : null}
      </div>
      <p className="text-sm">{rule.rationale}</p>
      {rule.sources.map((source, i) => (
        <blockquote key={i} className="border-l-4 border-slate-300 pl-3 text-sm italic text-slate-700 dark:border-slate-700 dark:text-slate-300">
          “{source.quote}” <span className="not-italic text-slate-600 dark:text-slate-400">— <SourceTag tag={source.doc} />, {source.section}</span>
        </blockquote>
      ))}
      <p className="text-sm">
        <span className="font-medium">How to fix: </span>
        {rule.remediation}
      </p>
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-600 dark:text-slate-400">
          Examples ({failing.length} flagged, {passing.length} passing)
        </summary>
        <ul className="mt-2 list-disc space-y-0.5 pl-6">
          {failing.map((c) => (
            <li key={c.name}>
              <span className="text-red-800 dark:text-red-300">flagged:</span> {c.name}
            </li>
          ))}
          {passing.map((c) => (
            <li key={c.name}>
              <span className="text-emerald-800 dark:text-emerald-300">passes:</span> {c.name}
            </li>
          ))}
        </ul>
      </details>
    </article>
  );
}
