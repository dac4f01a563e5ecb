import { isLifecycleVerb } from '../rancher/service-verbs';
import type { RawFinding, Severity } from './finding';
import type { RuleContext } from './rule-context';
import { NIM_USERNAME } from './stack-tags';

export const STACK_GROUP_PATH = '/stack/group';

/** "Stack foo" in messages, or "The stack" when its name is not known. */
export function stackLabel(ctx: RuleContext): string {
  return ctx.stack.name ? `Stack ${ctx.stack.name}` : 'The stack';
}

/** Tag errors block create and upgrade; a mis-tagged stack can still be stopped, started or restarted. */
export function stackTagSeverity(ctx: RuleContext, severity: Severity): Severity {
  const op = ctx.operation?.op;
  return severity === 'error' && isLifecycleVerb(op) ? 'warning' : severity;
}

/** Exactly one `<key>:<NIM username>` tag; one finding per missing, extra or malformed tag. */
export function requiredTagFindings(ctx: RuleContext, key: 'owner' | 'staff-owner', missing: string): RawFinding[] {
  const tags = ctx.stack.tags;
  if (!tags) return [];
  const severity = stackTagSeverity(ctx, 'error');
  const found = tags.tags.filter((t) => t.key === key && t.problem === null);
  if (found.length === 0) return [{ input: 'stack', path: STACK_GROUP_PATH, severity, message: missing }];
  const out: RawFinding[] = [];
  found.forEach((t, i) => {
    const range = t.range ?? undefined;
    if (!NIM_USERNAME.test(t.value)) {
      out.push({ input: 'stack', path: STACK_GROUP_PATH, range, severity, message: `${key}:${t.value} is not a NIM username (lower-case letters, digits and _).` });
    } else if (i > 0) {
      out.push({ input: 'stack', path: STACK_GROUP_PATH, range, severity, message: `${stackLabel(ctx)} has more than one ${key}: tag; keep exactly one.` });
    }
  });
  return out;
}
