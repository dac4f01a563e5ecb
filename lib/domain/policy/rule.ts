import type { CheckInput } from './check-input';
import type { RawFinding, Severity } from './finding';
import type { ProfileId } from './profiles';
import type { RuleContext } from './rule-context';

/** C compose, U upgrade, S stack, O operation, D Dockerfile (spin-policy.md §1). */
export type RuleInput = 'compose' | 'upgrade' | 'stack' | 'operation' | 'dockerfile';

export type SourceTag = 'BP18' | 'IG18' | 'BP19' | 'CS19' | 'L1' | 'L2' | 'L3' | 'TE' | 'RAPI' | 'MOBY' | 'catalog';

export interface RuleSource {
  doc: SourceTag;
  section: string;
  /** The NERSC words the rule rests on (the seed's words where it has them). */
  quote: string;
}

export interface ExpectedFinding {
  path: string;
  severity?: Severity;
}

/** An example: an input and exactly the findings of this rule it must produce ([] = passes). */
export interface RuleCase {
  name: string;
  input: CheckInput;
  expect: readonly ExpectedFinding[];
}

export interface Rule {
  id: string;
  title: string;
  /** Default severity, or one per profile (`off` = not evaluated under that profile). */
  severity: Severity | Readonly<Record<ProfileId, Severity | 'off'>>;
  inputs: readonly RuleInput[];
  rationale: string;
  sources: readonly RuleSource[];
  remediation: string;
  /** Profile the rule first appears in. */
  since: ProfileId;
  waivable: boolean;
  /**
   * Node-level access (§4.10): in the portal, a Spin staff member who acknowledges it may proceed (the
   * error becomes a warning, recorded with the acknowledgement); an owner never can.
   */
  staffMayAccept?: boolean;
  fixable: boolean;
  /** The condition is the portal team's inference, not a NERSC statement. */
  inferred: boolean;
  cases: readonly RuleCase[];
  check(ctx: RuleContext): RawFinding[];
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

export function ruleSeverity(rule: Rule, profile: ProfileId): Severity | 'off' {
  return typeof rule.severity === 'string' ? rule.severity : rule.severity[profile];
}

/** Anchor of the rule's section on the /policy page. */
export function ruleDocs(rule: Pick<Rule, 'id'>): string {
  return `#${rule.id}`;
}
