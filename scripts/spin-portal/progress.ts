import type { ServiceView } from '../../lib/domain/stacks/stack-schemas';

/** Where progress goes (stderr) and whether it is a terminal that can take a rewritten line. */
export interface ProgressSink {
  write: (text: string) => void;
  isTTY: boolean;
}

/** `0.4s`, `12.3s`, `2m05s`: short enough to lead every line. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
}

/** A service's state as one phrase: `upgraded, healthy`, `upgrading: Failed to start instance …`. */
export function describeServiceState(service: Pick<ServiceView, 'state' | 'healthState' | 'transitioningMessage'>): string {
  const health = service.healthState ? `, ${service.healthState}` : '';
  const message = service.transitioningMessage ? `: ${service.transitioningMessage}` : '';
  return `${service.state}${health}${message}`;
}

const spinner = ['|', '/', '-', '\\'];
const clearLine = '\r\x1b[2K';

/**
 * Progress on stderr: one line per change, each with the time since the command started. On a
 * terminal a last line shows that the command is still waiting and is rewritten in place; anywhere
 * else (a CI log) only the changes are written, with no control characters.
 */
export class Progress {
  private readonly startedAt: number;
  private lastState: string | undefined;
  private ticks = 0;
  private isLiveLineShown = false;

  constructor(
    private readonly sink: ProgressSink,
    private readonly now: () => number,
    readonly label: string,
  ) {
    this.startedAt = now();
  }

  elapsedMs(): number {
    return this.now() - this.startedAt;
  }

  /** A line that stays. */
  step(message: string): void {
    this.clearLive();
    this.sink.write(`[${formatElapsed(this.elapsedMs())}] ${this.label}: ${message}\n`);
  }

  /** A line when the service's state, health or message changed since the last one. */
  service(view: Pick<ServiceView, 'state' | 'healthState' | 'transitioningMessage'>): void {
    const described = describeServiceState(view);
    if (described === this.lastState) return;
    this.lastState = described;
    this.step(described);
  }

  /** Still waiting: on a terminal, the rewritten last line; elsewhere nothing. */
  tick(waitingFor: string): void {
    if (!this.sink.isTTY) return;
    const frame = spinner[this.ticks++ % spinner.length];
    this.sink.write(`${clearLine}${frame} ${this.label}: waiting for ${waitingFor} (${formatElapsed(this.elapsedMs())})`);
    this.isLiveLineShown = true;
  }

  /** Removes the live line, so what follows starts on a clean line. */
  clearLive(): void {
    if (!this.isLiveLineShown) return;
    this.sink.write(clearLine);
    this.isLiveLineShown = false;
  }
}
