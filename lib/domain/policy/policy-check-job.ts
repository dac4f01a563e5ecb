// Runs inside the policy worker thread (server/policy-worker.ts), so it imports neither Node nor
// `server-only`: the worker is a plain Node program, not Next's server build.
import { checkPolicy } from './check';
import type { CheckInput, PolicyCheckRequest } from './check-input';
import { isRecord } from './field-reader';
import type { Finding, PolicySummary } from './finding';
import { parseYamlSource } from './yaml-source';

/** DESIGN.md "Limits": what one policy check over the API takes. The CLI has no such limit. */
export const policyCheckLimits = { maxFileBytes: 512 * 1024, maxServices: 200 } as const;

/** What the route hands the worker: the client's request and the portal's own policy settings. */
export type PolicyCheckJob = PolicyCheckRequest & Pick<CheckInput, 'allowedHostPaths'>;

export type PolicyCheckOutcome =
  | { kind: 'checked'; findings: Finding[]; summary: PolicySummary }
  | { kind: 'too-many-services'; services: number }
  /** A given file could not be read at all: the findings say which and where. */
  | { kind: 'unreadable'; findings: Finding[] };

/** Services in a compose file: the `services` map, or (compose v1, no version and no services) the top level. */
function composeServiceCount(value: unknown): number {
  if (!isRecord(value)) return 0;
  const services = 'version' in value || 'services' in value ? value.services : value;
  return isRecord(services) ? Object.keys(services).length : 0;
}

/**
 * One API policy check: the compose file is parsed once, refused when it holds more services than a
 * check takes (the rules' cost grows with them), else checked. An input-malformed finding on a
 * whole input (path '') means that file could not be read at all.
 */
export function runPolicyCheckJob(request: PolicyCheckJob): PolicyCheckOutcome {
  const compose = request.compose === undefined ? undefined : parseYamlSource(request.compose);
  if (compose?.ok) {
    const services = composeServiceCount(compose.source.value);
    if (services > policyCheckLimits.maxServices) return { kind: 'too-many-services', services };
  }
  const { findings, summary } = checkPolicy({ ...request, parsed: compose?.ok ? { compose: compose.source } : undefined });
  if (findings.some((f) => f.ruleId === 'input-malformed' && f.path === '')) return { kind: 'unreadable', findings };
  return { kind: 'checked', findings, summary };
}
