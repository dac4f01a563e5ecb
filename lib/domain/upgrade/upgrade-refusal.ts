import { z } from 'zod';

const refusedFinding = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  path: z.string(),
});

/** The parts of a problem+json answer the upgrade form shows (lib/errors/problem.ts writes them). */
export const upgradeProblem = z.object({
  detail: z.string().optional(),
  findings: z.array(refusedFinding).optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export type RefusedFinding = z.infer<typeof refusedFinding>;

/** The portal refused an upgrade: 422 with the policy findings, 409 with the way out, 400 with the fields. */
export class UpgradeRefusal extends Error {
  readonly findings: RefusedFinding[];
  readonly errors: { path: string; message: string }[];

  constructor(
    readonly status: number,
    problem: z.infer<typeof upgradeProblem>,
  ) {
    super(problem.detail ?? `The portal answered ${status}.`);
    this.name = 'UpgradeRefusal';
    this.findings = problem.findings ?? [];
    this.errors = problem.errors ?? [];
  }
}
