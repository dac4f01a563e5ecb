import { describe, expect, it } from 'vitest';
import { crashLoopVerdict, crashWindowMs, observeService, type CrashMemory, type ServiceObservation } from './crash-loop';

const t0 = Date.parse('2026-12-07T10:00:00Z');
const longAgo = '2026-11-01T00:00:00Z';

/** Feeds reads in order and answers the verdict after each. */
function timeline(reads: ServiceObservation[]): { memory: CrashMemory | undefined; verdicts: boolean[] } {
  let memory: CrashMemory | undefined;
  const verdicts: boolean[] = [];
  for (const read of reads) {
    memory = observeService(memory, read);
    verdicts.push(crashLoopVerdict(memory, read.at).crashLooping);
  }
  return { memory, verdicts };
}

const container = (startCount: number, exitCode: number | null, createdAt = longAgo, state = exitCode === null ? 'running' : 'stopped') => ({
  id: '1i1',
  state,
  startCount,
  exitCode,
  createdAt,
});

describe('crash loop judgement', () => {
  it('stays on while health flips between healthy and unhealthy at every restart (no flicker)', () => {
    const health = ['healthy', 'unhealthy', 'healthy', 'unhealthy', 'healthy', 'initializing', 'unhealthy', 'healthy'];
    const { verdicts } = timeline(health.map((healthState, i) => ({ at: t0 + i * 5_000, state: 'active', healthState })));
    expect(verdicts).toEqual([false, false, false, true, true, true, true, true]);
  });

  it('counts restarts from the start count across reads, and keeps the last non-zero exit code while running', () => {
    const reads: ServiceObservation[] = [
      { at: t0, state: 'active', healthState: 'healthy', containers: [container(10, null)] },
      { at: t0 + 10_000, state: 'active', healthState: 'unhealthy', containers: [container(11, 1)] },
      { at: t0 + 20_000, state: 'active', healthState: 'healthy', containers: [container(12, null)] },
      { at: t0 + 30_000, state: 'active', healthState: 'healthy', containers: [container(13, null)] },
    ];
    const { memory, verdicts } = timeline(reads);
    expect(verdicts).toEqual([false, false, false, true]);
    expect(crashLoopVerdict(memory, t0 + 30_000)).toEqual({ crashLooping: true, restartsInWindow: 3, lastExitCode: 1 });
  });

  it('recognises a crash loop from one read: many starts of a young container', () => {
    const young = new Date(t0 - 3 * 60_000).toISOString();
    const { verdicts } = timeline([{ at: t0, state: 'active', healthState: 'healthy', containers: [container(143, null, young)] }]);
    expect(verdicts).toEqual([true]);
  });

  it('leaves a long-lived container that was restarted a few times over months alone', () => {
    const { verdicts } = timeline([
      { at: t0, state: 'active', healthState: 'healthy', containers: [container(5, null)] },
      { at: t0 + 60_000, state: 'active', healthState: 'healthy', containers: [container(6, null)] },
    ]);
    expect(verdicts).toEqual([false, false]);
  });

  it('clears once the window holds no restart and no flip', () => {
    const { memory } = timeline([
      { at: t0, state: 'active', healthState: 'unhealthy', containers: [container(1, 1)] },
      { at: t0 + 1_000, state: 'active', healthState: 'healthy', containers: [container(2, null)] },
      { at: t0 + 2_000, state: 'active', healthState: 'unhealthy', containers: [container(3, 1)] },
      { at: t0 + 3_000, state: 'active', healthState: 'healthy', containers: [container(4, null)] },
    ]);
    expect(crashLoopVerdict(memory, t0 + 4_000).crashLooping).toBe(true);
    const later = observeService(memory, { at: t0 + crashWindowMs + 10_000, state: 'active', healthState: 'healthy', containers: [container(4, null)] });
    expect(crashLoopVerdict(later, t0 + crashWindowMs + 10_000)).toEqual({ crashLooping: false, restartsInWindow: 0, lastExitCode: 1 });
  });

  it('never calls a deliberately stopped service crash looping', () => {
    const { memory } = timeline([
      { at: t0, state: 'active', healthState: 'unhealthy' },
      { at: t0 + 1_000, state: 'active', healthState: 'healthy' },
      { at: t0 + 2_000, state: 'active', healthState: 'unhealthy' },
    ]);
    expect(crashLoopVerdict(memory, t0 + 2_000).crashLooping).toBe(true);
    const stopped = observeService(memory, { at: t0 + 3_000, state: 'inactive', healthState: 'unhealthy' });
    expect(crashLoopVerdict(stopped, t0 + 3_000).crashLooping).toBe(false);
  });

  it('knows nothing of a service it never saw', () => {
    expect(crashLoopVerdict(undefined, t0)).toEqual({ crashLooping: false, restartsInWindow: 0, lastExitCode: null });
  });
});
