import { describe, expect, it } from 'vitest';
import { notConnectedReason, shellCloseVerdict, type ShellCloseFacts } from './shell-close';

const base: ShellCloseFacts = { code: 1000, closeReason: '', serverError: null, exitCode: null, wasOpen: true, wasReady: true };

describe('shellCloseVerdict', () => {
  it.each([
    ['a refused upgrade (401/403/404 show as 1006)', { code: 1006, wasOpen: false, wasReady: false }, notConnectedReason, false],
    ['the shell exiting', { code: 1000, exitCode: 0, closeReason: 'shell exited' }, 'the shell exited', false],
    ['the shell exiting with a code', { code: 1000, exitCode: 2 }, 'the shell exited with code 2', false],
    ['the maximum session length', { code: 4000 }, 'the maximum session length was reached', false],
    ['the idle timeout', { code: 4001 }, 'the shell was idle too long', false],
    ['the portal going away', { code: 1001 }, 'the portal is restarting', true],
    ['the container connection lost', { code: 1011, serverError: 'The connection to the container was lost. Reconnect to open a new shell.' }, 'The connection to the container was lost. Reconnect to open a new shell.', true],
    ['a shell that could not be opened', { code: 1011, wasReady: false, serverError: 'The shell could not be opened: no such container' }, 'The shell could not be opened: no such container', false],
    ['1011 without a message', { code: 1011, closeReason: 'container connection lost' }, 'container connection lost', true],
    ['a dropped network connection', { code: 1006 }, 'the connection dropped', true],
    ['a drop before the shell was ready', { code: 1006, wasReady: false }, 'the connection dropped', false],
    ['an unknown code', { code: 4999 }, 'the connection closed (code 4999)', false],
  ])('%s', (_name, facts, reason, isDrop) => {
    expect(shellCloseVerdict({ ...base, ...facts })).toEqual({ reason, isDrop });
  });

  it('uses the exact words the end-to-end tests look for when the upgrade is refused', () => {
    expect(notConnectedReason).toBe('Could not connect (no access or not signed in)');
  });
});
