/** How much a finding matters: errors block the action, warnings are shown, info is advice. */
export type Severity = 'error' | 'warning' | 'info';

/** Which part of the check input a finding's JSON Pointer points into. */
export type PolicyInputName =
  | 'dockerCompose'
  | 'rancherCompose'
  | 'current'
  | 'proposed'
  | 'stack'
  | 'operation'
  | 'dockerfile'
  | 'waivers';

/** RFC 6902 operations the library proposes, only where applying them cannot break the file. */
export interface JsonPatchOp {
  op: 'add' | 'remove' | 'replace';
  path: string;
  value?: unknown;
}

/** What a rule reports; the engine adds rule id, default severity, location and waivers. */
export interface RawFinding {
  input: PolicyInputName;
  /** RFC 6901 pointer into the input, e.g. `/services/web/cap_add/1` or `/proposed/dataVolumes/0`. */
  path: string;
  message: string;
  /** Overrides the rule's severity for rules whose severity depends on the case. */
  severity?: Severity;
  service?: string;
  fix?: JsonPatchOp[];
  /** Character range inside a string value (one tag inside the stack's `group`). */
  range?: { start: number; end: number };
  details?: Record<string, unknown>;
  /** Position when the pointer cannot be resolved (a YAML syntax error has no parsed document). */
  position?: { line: number; column: number };
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  path: string;
  input: PolicyInputName;
  /** 1-based position in the file the input came from; null when the input was not text. */
  line: number | null;
  column: number | null;
  file?: string;
  service?: string;
  fix?: JsonPatchOp[];
  range?: { start: number; end: number };
  details?: Record<string, unknown>;
  /** Anchor of the rule on the /policy page. */
  docs: string;
  waived?: { waiverId: string; reason: string; expires: string };
}

/** Info findings are listed but never counted. */
export interface PolicySummary {
  errors: number;
  warnings: number;
}

export interface PolicyResult {
  schemaVersion: 1;
  profile: string;
  findings: Finding[];
  summary: PolicySummary;
  /** True when any error remains after waivers. */
  blocked: boolean;
}
