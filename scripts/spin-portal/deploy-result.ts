import type { RefusedFinding } from '../../lib/domain/upgrade/upgrade-refusal';
import { exitCodes } from './cli-errors';

/** How a deploy ended; the word CI scripts branch on. */
export type DeployOutcome = 'upgrading' | 'upgraded' | 'finished' | 'refused' | 'failed' | 'rolled-back' | 'error';

/** A policy finding as the result carries it: `field` is the JSON Pointer into the change. */
export interface ResultFinding {
  ruleId: string;
  severity: RefusedFinding['severity'];
  message: string;
  field: string;
}

/** The one JSON object a deploy writes on stdout. */
export interface DeployResult {
  stack: string;
  stackId?: string;
  service: string;
  serviceId?: string;
  environment?: string;
  image: string;
  previousImage?: string;
  outcome: DeployOutcome;
  /** The service's state and health when the command ended. */
  state?: string;
  healthState?: string;
  findings?: ResultFinding[];
  /** Why it failed, was refused, rolled back or stopped with an error. */
  reason?: string;
  elapsedMs: number;
}

const exitCodeByOutcome: Record<DeployOutcome, number> = {
  upgrading: exitCodes.done,
  upgraded: exitCodes.done,
  finished: exitCodes.done,
  refused: exitCodes.refusedOrFailed,
  failed: exitCodes.refusedOrFailed,
  'rolled-back': exitCodes.refusedOrFailed,
  error: exitCodes.usageOrConnection,
};

export function exitCodeFor(outcome: DeployOutcome): number {
  return exitCodeByOutcome[outcome];
}

export function resultFinding(finding: RefusedFinding): ResultFinding {
  return { ruleId: finding.ruleId, severity: finding.severity, message: finding.message, field: finding.path };
}

/** Findings for a person reading the job's log: one line each, errors first. */
export function formatFindings(findings: readonly ResultFinding[]): string {
  const order = { error: 0, warning: 1, info: 2 } as const;
  return [...findings]
    .sort((a, b) => order[a.severity] - order[b.severity])
    .map((f) => `  ${f.severity.padEnd(7)} ${f.ruleId}  ${f.field}\n          ${f.message}\n`)
    .join('');
}
