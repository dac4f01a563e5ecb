import { describe, expect, it } from 'vitest';
import type { ContainerRecord, ContainerRuntime, ServiceProfile } from '../world/world-types';
import { appendLines, eventsAfter, lastEventSeq, logTail, trafficBetween } from './container-log';

const container = { id: '1i7', imageUuid: 'docker:registry.spin.nersc.gov/fred/app:1.4.2' } as ContainerRecord;
const profile: ServiceProfile = { logStyle: 'python', logRate: 2, shell: 'bash', files: {}, crashLoop: null };
const start = Date.UTC(2026, 10, 25, 12, 0, 0);

function runtime(over: Partial<ContainerRuntime> = {}): ContainerRuntime {
  return { serviceId: '1s1', launchConfigName: 'primary', startedAt: start, stoppedAt: null, previousRuns: [], lifecycle: null, nextSeq: 0, ...over };
}

describe('container log', () => {
  it('computes the same traffic for the same run, in time order, at the profile’s rate', () => {
    const a = trafficBetween(container, runtime(), profile, -Infinity, start + 60_000, 1000);
    const b = trafficBetween(container, runtime(), profile, -Infinity, start + 60_000, 1000);
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThanOrEqual(119);
    expect(a.length).toBeLessThanOrEqual(121);
    expect(a.map((e) => e.ms)).toEqual([...a.map((e) => e.ms)].sort((x, y) => x - y));
    expect(a.every((e) => e.ms > start && e.ms <= start + 60_000)).toBe(true);
  });

  it('tails the last lines: the start-up lines, then traffic; earlier runs survive a restart', () => {
    const rt = runtime({ startedAt: start + 30_000, previousRuns: [{ startedAt: start, stoppedAt: start + 20_000 }] });
    const tail = logTail(container, rt, profile, 100, start + 40_000);
    // 20 s of the first run and 10 s of this one at 2 lines/s, and this run's four start-up lines.
    expect(tail.length).toBeGreaterThanOrEqual(62);
    expect(tail.length).toBeLessThanOrEqual(66);
    expect(logTail(container, rt, profile, 10, start + 40_000)).toEqual(tail.slice(-10));
    expect(tail.some((e) => e.ms < start + 20_000)).toBe(true);
    expect(tail.some((e) => e.text.includes('Starting gunicorn'))).toBe(true);
    expect(tail.every((e) => e.ms <= start + 40_000)).toBe(true);
  });

  it('hands a follower only the event lines written since it last looked', () => {
    const rt = runtime();
    const seen = lastEventSeq(container, rt, profile);
    appendLines(rt, [{ stream: 'stderr', text: 'Traceback (most recent call last):' }]);
    expect(eventsAfter(container, rt, profile, seen).map((e) => [e.stream, e.text])).toEqual([['stderr', 'Traceback (most recent call last):']]);
  });

  it('writes nothing while stopped and nothing at rate 0', () => {
    expect(trafficBetween(container, runtime({ stoppedAt: start + 1000 }), profile, start + 1000, start + 60_000, 100)).toEqual([]);
    expect(trafficBetween(container, runtime(), { ...profile, logRate: 0 }, -Infinity, start + 60_000, 100)).toEqual([]);
  });
});
