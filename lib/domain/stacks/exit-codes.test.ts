import { describe, expect, it } from 'vitest';
import { exitCodeMeaning, isCrashLooping } from './exit-codes';

describe('exitCodeMeaning', () => {
  it.each([
    [null, null],
    [0, null],
    [1, 'the application stopped with an error'],
    [137, 'the container was killed, often for running out of memory (SIGKILL)'],
    [139, 'the program crashed with a segmentation fault (SIGSEGV)'],
    [130, 'the program was killed by signal 2'],
  ])('%s -> %s', (code, meaning) => {
    expect(exitCodeMeaning(code)).toBe(meaning);
  });
});

describe('isCrashLooping', () => {
  it('flags restarts and error exits, not a healthy service', () => {
    expect(isCrashLooping([{ startCount: 1, exitCode: null, state: 'running' }])).toBe(false);
    expect(isCrashLooping([{ startCount: 9, exitCode: null, state: 'running' }])).toBe(true);
    expect(isCrashLooping([{ startCount: 1, exitCode: 1, state: 'stopped' }])).toBe(true);
  });
});
