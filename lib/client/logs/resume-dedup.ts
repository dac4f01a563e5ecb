import { compareLogTime, type LogTime } from './log-time';

/** What a reconnection found once the re-sent tail met the live stream. */
export interface ResumeOutcome {
  /** The time of the last line seen before the socket dropped. */
  since: LogTime;
  /** True when the re-sent tail reached back to that line: nothing was missed. */
  isContinuous: boolean;
}

export interface ResumeVerdict {
  /** False for a line already shown (a repeat from the re-sent tail). */
  keep: boolean;
  /** Set on the line that ends a resumption (kept, or the last repeat), so the caller can mark the seam. */
  resumed: ResumeOutcome | null;
}

const keep: ResumeVerdict = { keep: true, resumed: null };
const skip: ResumeVerdict = { keep: false, resumed: null };

function lineKey(stream: string, line: string): string {
  return `${stream}\u0000${line}`;
}

/**
 * Resumes a container's log after the last line seen. A reconnected socket re-sends a tail (about the
 * last 100 lines with Rancher 1.6), part of which is already on screen. Lines of one container arrive
 * in time order, so a re-sent line older than the last one seen is a repeat; a line at the same instant
 * is a repeat if that (stream, text) was seen at that instant (counted: a program may write one text
 * twice in a nanosecond). Seeing the last line again, or any line past it, ends the resumption.
 */
export class ResumeDeduplicator {
  private last: LogTime | null = null;
  /** How often each (stream, text) was seen at `last`. */
  private atLast = new Map<string, number>();
  private resuming: { since: LogTime; pending: Map<string, number> } | null = null;

  /** Call when a new socket for the same container opens. */
  beginResume(): void {
    if (!this.last) return;
    this.resuming = { since: this.last, pending: new Map(this.atLast) };
  }

  /** Forget everything (a new tail size, a new view). */
  reset(): void {
    this.last = null;
    this.atLast.clear();
    this.resuming = null;
  }

  get isResuming(): boolean {
    return this.resuming !== null;
  }

  /** Decides on one incoming line and remembers the kept ones. */
  offer(time: LogTime, stream: string, line: string): ResumeVerdict {
    const key = lineKey(stream, line);
    const resuming = this.resuming;
    if (resuming) {
      const order = compareLogTime(time, resuming.since);
      if (order < 0) return skip;
      if (order === 0) {
        const left = resuming.pending.get(key) ?? 0;
        if (left > 0) {
          if (left === 1) resuming.pending.delete(key);
          else resuming.pending.set(key, left - 1);
          if (resuming.pending.size > 0) return skip;
          // The last line seen came again: what follows is new, and nothing was missed.
          this.resuming = null;
          return { keep: false, resumed: { since: resuming.since, isContinuous: true } };
        }
      }
      this.resuming = null;
      this.remember(time, key);
      return { keep: true, resumed: { since: resuming.since, isContinuous: false } };
    }
    this.remember(time, key);
    return keep;
  }

  private remember(time: LogTime, key: string): void {
    if (!this.last || compareLogTime(time, this.last) !== 0) {
      this.last = time;
      this.atLast = new Map();
    }
    this.atLast.set(key, (this.atLast.get(key) ?? 0) + 1);
  }
}
