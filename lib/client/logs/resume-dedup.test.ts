import { describe, expect, it } from 'vitest';
import { parseLogTime, type LogTime } from './log-time';
import { ResumeDeduplicator } from './resume-dedup';
import { stampAt } from './fixtures/log-entries';

function at(second: number, nanos = 0): LogTime {
  const time = parseLogTime(stampAt(second, nanos));
  if (!time) throw new Error('fixture');
  return time;
}

/** Offers lines and returns the texts kept. */
function offerAll(dedup: ResumeDeduplicator, lines: [number, string][]): string[] {
  return lines.filter(([second, text]) => dedup.offer(at(second), 'stdout', text).keep).map(([, text]) => text);
}

describe('ResumeDeduplicator', () => {
  it('keeps everything while not resuming, even repeats', () => {
    const dedup = new ResumeDeduplicator();
    expect(offerAll(dedup, [[1, 'a'], [1, 'a'], [2, 'b']])).toEqual(['a', 'a', 'b']);
  });

  it('drops the re-sent tail and resumes after the last line seen, without a gap', () => {
    const dedup = new ResumeDeduplicator();
    offerAll(dedup, [[1, 'a'], [2, 'b'], [3, 'c']]);
    dedup.beginResume();
    expect(dedup.isResuming).toBe(true);
    expect(dedup.offer(at(1), 'stdout', 'a').keep).toBe(false);
    expect(dedup.offer(at(2), 'stdout', 'b').keep).toBe(false);
    const last = dedup.offer(at(3), 'stdout', 'c');
    expect(last).toEqual({ keep: false, resumed: { since: at(3), isContinuous: true } });
    expect(dedup.isResuming).toBe(false);
    expect(offerAll(dedup, [[4, 'd']])).toEqual(['d']);
  });

  it('says lines may be missing when the re-sent tail starts after the last line seen', () => {
    const dedup = new ResumeDeduplicator();
    offerAll(dedup, [[1, 'a'], [2, 'b']]);
    dedup.beginResume();
    expect(dedup.offer(at(5), 'stdout', 'x')).toEqual({ keep: true, resumed: { since: at(2), isContinuous: false } });
    expect(offerAll(dedup, [[6, 'y']])).toEqual(['y']);
  });

  it('counts identical lines written in the same instant', () => {
    const dedup = new ResumeDeduplicator();
    offerAll(dedup, [[1, 'tick'], [2, 'tick'], [2, 'tick']]);
    dedup.beginResume();
    // The new tail holds the two ticks at :02 seen before, and a third one written later in that instant.
    expect(dedup.offer(at(2), 'stdout', 'tick').keep).toBe(false);
    expect(dedup.offer(at(2), 'stdout', 'tick')).toMatchObject({ keep: false, resumed: { isContinuous: true } });
    expect(dedup.offer(at(2), 'stdout', 'tick').keep).toBe(true);
  });

  it('keeps a new line at the same instant as the last one seen', () => {
    const dedup = new ResumeDeduplicator();
    offerAll(dedup, [[2, 'a']]);
    dedup.beginResume();
    expect(dedup.offer(at(2), 'stdout', 'b')).toMatchObject({ keep: true, resumed: { isContinuous: false } });
  });

  it('tells streams apart', () => {
    const dedup = new ResumeDeduplicator();
    dedup.offer(at(2), 'stdout', 'same');
    dedup.beginResume();
    expect(dedup.offer(at(2), 'stderr', 'same').keep).toBe(true);
  });

  it('has nothing to resume from before the first line, or after a reset', () => {
    const dedup = new ResumeDeduplicator();
    dedup.beginResume();
    expect(dedup.isResuming).toBe(false);
    offerAll(dedup, [[1, 'a']]);
    dedup.reset();
    dedup.beginResume();
    expect(offerAll(dedup, [[1, 'a']])).toEqual(['a']);
  });

  it('survives a second drop before the stream caught up', () => {
    const dedup = new ResumeDeduplicator();
    offerAll(dedup, [[1, 'a'], [2, 'b']]);
    dedup.beginResume();
    expect(dedup.offer(at(1), 'stdout', 'a').keep).toBe(false);
    dedup.beginResume();
    expect(offerAll(dedup, [[1, 'a'], [2, 'b'], [3, 'c']])).toEqual(['c']);
  });
});
