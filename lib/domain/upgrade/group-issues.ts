import type { Finding } from '@/lib/domain/policy/finding';
import type { FormProblem } from './build-upgrade';
import { fieldOfPointer, type FormField } from './form-field';

/** What the form shows under one field: its policy findings and its input problems. */
export interface Issues {
  findings: Pick<Finding, 'ruleId' | 'severity' | 'message' | 'path'>[];
  problems: string[];
}

export const noIssues: Issues = { findings: [], problems: [] };

const rank = { error: 0, warning: 1, info: 2 } as const;

/**
 * Sorts findings and problems to the field they are about. A field the form does not show at the moment
 * (a finding about a variable whose row was just renamed, or about the stack) lands in `general`, so
 * nothing is ever dropped. Errors come first within a field.
 */
export function groupIssues(findings: readonly Issues['findings'][number][], problems: readonly FormProblem[], shown: ReadonlySet<FormField>): Map<FormField, Issues> {
  const groups = new Map<FormField, Issues>();
  const at = (field: FormField): Issues => {
    const key = shown.has(field) ? field : 'general';
    let group = groups.get(key);
    if (!group) {
      group = { findings: [], problems: [] };
      groups.set(key, group);
    }
    return group;
  };
  for (const p of problems) at(p.field).problems.push(p.message);
  for (const f of [...findings].sort((a, b) => rank[a.severity] - rank[b.severity])) at(fieldOfPointer(f.path)).findings.push(f);
  return groups;
}
