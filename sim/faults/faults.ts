import { z } from 'zod';

// Fault knobs (rancher-api.md §10.3). Their names are the wire names used by the --fault flag and
// by the control endpoint. A rule's `path` matches any request path that contains it ('' = all).

const pathRule = { path: z.string().default('') };

export const faultsSchema = z.strictObject({
  latency_ms: z.array(z.strictObject({ ...pathRule, ms: z.number().min(0).max(120_000), jitter_ms: z.number().min(0).default(0) })).default([]),
  error_rate_5xx: z.array(z.strictObject({ ...pathRule, rate: z.number().min(0).max(1) })).default([]),
  /** Multiplies every state-machine delay; 0 makes transitions finish on the next tick. */
  transition_speed: z.number().min(0).max(100).default(1),
  /** The next N actions fail with 422, as if the state changed between the client's GET and POST. */
  force_422: z.number().int().min(0).default(0),
  /** The next N updates or actions fail with 409 Conflict. */
  conflict_409: z.number().int().min(0).default(0),
  /** Transitions started while set never finish ('yes') or end in transitioning:"error" with the message. */
  stuck_transition: z.enum(['off', 'yes', 'error']).default('off'),
  stuck_message: z.string().default('Timeout waiting for instance to start'),
  /** New containers of an upgrade fail to start and the service stays in `upgrading`. */
  upgrade_fail: z.boolean().default(false),
  ws_drop_after_s: z.number().positive().nullable().default(null),
  ws_drop_after_frames: z.number().int().positive().nullable().default(null),
  /** Refuse every websocket upgrade with this HTTP status. */
  ws_refuse_status: z.union([z.literal(401), z.literal(502)]).nullable().default(null),
  token_ttl_s: z.number().positive().default(300),
  /** Lines per second on following log streams, with long lines and several lines per frame. */
  log_flood_lps: z.number().min(0).max(100_000).default(0),
  /** Real Rancher always sends about 100 lines; true honours the requested `lines`. */
  log_tail_honour_lines: z.boolean().default(false),
  multi_project: z.boolean().default(false),
  /** How often stats sockets send their rows (Rancher: about once a second). */
  stats_interval_ms: z.number().int().min(1).max(60_000).default(1000),
  /** Projects whose every request (and subscribe socket) answers 503, as if that environment's part of cattle were down. */
  unavailable_projects: z.array(z.string().regex(/^1a\d+$/)).default([]),
  page_size: z.number().int().positive().nullable().default(null),
  omit_schemas_header: z.boolean().default(false),
});

export type Faults = z.output<typeof faultsSchema>;
export type FaultsInput = z.input<typeof faultsSchema>;

export const noFaults: Faults = faultsSchema.parse({});

/** The live knob settings, changed by the control endpoint while the simulator runs. */
export class FaultState {
  private current: Faults;

  constructor(
    private readonly initial: Faults = noFaults,
    private readonly random: () => number = Math.random,
  ) {
    this.current = { ...initial };
  }

  get value(): Readonly<Faults> {
    return this.current;
  }

  replace(input: unknown): Faults {
    this.current = faultsSchema.parse(input);
    return this.current;
  }

  /** Changes only the knobs `input` names; the merged whole is validated. */
  patch(input: unknown): Faults {
    const changes = z.record(z.string(), z.unknown()).parse(input ?? {});
    this.current = faultsSchema.parse({ ...this.current, ...changes });
    return this.current;
  }

  reset(): Faults {
    this.current = { ...this.initial };
    return this.current;
  }

  /** Added latency for a request path: the sum of every matching rule, each with its jitter. */
  latencyFor(path: string): number {
    let ms = 0;
    for (const rule of this.current.latency_ms) {
      if (path.includes(rule.path)) ms += rule.ms + (rule.jitter_ms > 0 ? this.random() * rule.jitter_ms : 0);
    }
    return ms;
  }

  /** 503 for any path under a project listed in unavailable_projects. */
  projectDown(path: string): boolean {
    const project = /\/projects\/(1a\d+)(\/|$)/.exec(path)?.[1];
    return project !== undefined && this.current.unavailable_projects.includes(project);
  }

  /** 500 or 503 when a matching rule's dice say so. */
  injected5xx(path: string): 500 | 503 | null {
    for (const rule of this.current.error_rate_5xx) {
      if (path.includes(rule.path) && this.random() < rule.rate) return this.random() < 0.5 ? 500 : 503;
    }
    return null;
  }

  takeForced422(): boolean {
    if (this.current.force_422 <= 0) return false;
    this.current = { ...this.current, force_422: this.current.force_422 - 1 };
    return true;
  }

  takeConflict(): boolean {
    if (this.current.conflict_409 <= 0) return false;
    this.current = { ...this.current, conflict_409: this.current.conflict_409 - 1 };
    return true;
  }
}
