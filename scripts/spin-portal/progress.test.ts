import { describe, expect, it } from 'vitest';
import { serviceOf } from '@/test/helpers/fake-spin-portal';
import { describeServiceState, formatElapsed, Progress } from './progress';

function recorder(isTTY: boolean) {
  let text = '';
  let clock = 1_000;
  const progress = new Progress({ write: (t) => (text += t), isTTY }, () => clock, 'foo-jgi-doe/app');
  return { progress, text: () => text, advance: (ms: number) => (clock += ms) };
}

describe('formatElapsed', () => {
  it.each([
    [0, '0.0s'],
    [420, '0.4s'],
    [12_345, '12.3s'],
    [59_999, '60.0s'],
    [60_000, '1m00s'],
    [125_400, '2m05s'],
    [-5, '0.0s'],
  ])('%i ms is %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });
});

describe('describeServiceState', () => {
  it('joins state, health and Rancher\'s message', () => {
    expect(describeServiceState(serviceOf({ state: 'upgraded', healthState: 'initializing' }))).toBe('upgraded, initializing');
    expect(describeServiceState(serviceOf({ state: 'upgrading', healthState: 'healthy', transitioningMessage: 'Failed to start instance x' }))).toBe('upgrading, healthy: Failed to start instance x');
  });
});

describe('Progress', () => {
  it('writes a line per change with the elapsed time, and nothing for a repeat', () => {
    const r = recorder(false);
    r.progress.service(serviceOf({ state: 'upgrading' }));
    r.advance(1_500);
    r.progress.service(serviceOf({ state: 'upgrading' }));
    r.progress.tick('the new containers to start');
    r.progress.service(serviceOf({ state: 'upgraded' }));
    r.advance(61_000);
    r.progress.step('finished');
    expect(r.text()).toBe('[0.0s] foo-jgi-doe/app: upgrading, healthy\n[1.5s] foo-jgi-doe/app: upgraded, healthy\n[1m02s] foo-jgi-doe/app: finished\n');
  });

  it('writes no control characters when stderr is not a terminal', () => {
    const r = recorder(false);
    for (let i = 0; i < 5; i++) r.progress.tick('health');
    r.progress.clearLive();
    expect(r.text()).toBe('');
  });

  it('on a terminal keeps one rewritten line while waiting, and clears it before the next change', () => {
    const r = recorder(true);
    r.progress.tick('health');
    r.advance(1_000);
    r.progress.tick('health');
    r.progress.step('healthy');
    expect(r.text()).toBe('\r\x1b[2K| foo-jgi-doe/app: waiting for health (0.0s)\r\x1b[2K/ foo-jgi-doe/app: waiting for health (1.0s)\r\x1b[2K[1.0s] foo-jgi-doe/app: healthy\n');
  });
});
