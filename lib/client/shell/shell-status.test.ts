import { describe, expect, it } from 'vitest';
import { describeShellStatus, disconnectNotice } from './shell-status';

describe('describeShellStatus', () => {
  it.each([
    [{ state: 'connecting' } as const, 'Connecting…'],
    [{ state: 'connected', shell: 'bash', idleTimeoutMs: 1, maxSessionMs: 1 } as const, 'Connected — bash'],
    [{ state: 'connected', shell: 'sh', idleTimeoutMs: 1, maxSessionMs: 1 } as const, 'Connected — sh (bash not in image)'],
    [{ state: 'closed', reason: 'the shell exited', retryAt: null } as const, 'Closed: the shell exited'],
    [{ state: 'closed', reason: 'the connection dropped', retryAt: 5 } as const, 'Closed: the connection dropped — opening a new shell…'],
  ])('%j reads %s', (status, text) => {
    expect(describeShellStatus(status)).toBe(text);
  });
});

describe('disconnectNotice', () => {
  it('tells the user how to get a new shell', () => {
    expect(disconnectNotice({ state: 'closed', reason: 'the shell exited', retryAt: null })).toBe('Disconnected (the shell exited) — press Enter to reconnect');
  });

  it('says a new shell is on its way while the automatic retry waits', () => {
    expect(disconnectNotice({ state: 'closed', reason: 'the connection dropped', retryAt: 1 })).toBe('Disconnected (the connection dropped) — opening a new shell…');
  });
});
