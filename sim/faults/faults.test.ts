import { describe, expect, it } from 'vitest';
import { FaultState, faultsSchema } from './faults';

describe('FaultState', () => {
  it('sums matching latency rules with their jitter', () => {
    const faults = new FaultState(faultsSchema.parse({ latency_ms: [{ ms: 100 }, { path: '/services', ms: 50, jitter_ms: 10 }] }), () => 0.5);
    expect(faults.latencyFor('/v2-beta/projects/1a5/services')).toBe(155);
    expect(faults.latencyFor('/v2-beta/projects/1a5/stacks')).toBe(100);
  });

  it('injects 5xx by rate and path', () => {
    const dice = [0.2, 0.7];
    const faults = new FaultState(faultsSchema.parse({ error_rate_5xx: [{ path: '/stacks', rate: 0.5 }] }), () => dice.shift() ?? 0.9);
    expect(faults.injected5xx('/v2-beta/projects/1a5/stacks')).toBe(503);
    expect(faults.injected5xx('/v2-beta/projects/1a5/hosts')).toBeNull();
  });

  it('takes down only the projects listed in unavailable_projects', () => {
    const faults = new FaultState(faultsSchema.parse({ unavailable_projects: ['1a7'] }));
    expect(faults.projectDown('/v2-beta/projects/1a7/stacks/1st7')).toBe(true);
    expect(faults.projectDown('/v2-beta/projects/1a7')).toBe(true);
    expect(faults.projectDown('/v2-beta/projects/1a70/stacks')).toBe(false);
    expect(faults.projectDown('/v2-beta/projects/1a5/stacks')).toBe(false);
    expect(faults.projectDown('/v2-beta/stacks')).toBe(false);
  });

  it('counts down force_422 and conflict_409', () => {
    const faults = new FaultState(faultsSchema.parse({ force_422: 1, conflict_409: 2 }));
    expect([faults.takeForced422(), faults.takeForced422()]).toEqual([true, false]);
    expect([faults.takeConflict(), faults.takeConflict(), faults.takeConflict()]).toEqual([true, true, false]);
  });

  it('patches only what is named, replaces all, and resets to the start', () => {
    const faults = new FaultState(faultsSchema.parse({ page_size: 5 }));
    expect(faults.patch({ upgrade_fail: true })).toMatchObject({ page_size: 5, upgrade_fail: true });
    expect(faults.replace({ token_ttl_s: 10 })).toMatchObject({ page_size: null, upgrade_fail: false, token_ttl_s: 10 });
    expect(faults.reset()).toMatchObject({ page_size: 5, token_ttl_s: 300 });
    expect(() => faults.patch({ transition_speed: -1 })).toThrow();
  });
});
