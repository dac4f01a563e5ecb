import { describe, expect, it } from 'vitest';
import { parseCommand } from './cli-args';

describe('parseCommand', () => {
  it('reads a full deploy', () => {
    expect(parseCommand(['deploy', 'foo-jgi-doe/web', '--image', 'nginx:1.27', '--env', 'A=1', '--env', 'B=x=y', '--finish', '--rollback-on-failure', '--timeout', '90'])).toEqual({
      kind: 'deploy',
      options: { stack: 'foo-jgi-doe', service: 'web', image: 'nginx:1.27', env: { A: '1', B: 'x=y' }, wait: true, finish: true, rollbackOnFailure: true, timeoutSeconds: 90 },
    });
  });

  it('waits only when asked, or when finishing or rolling back depends on it', () => {
    const waitOf = (...flags: string[]) => {
      const parsed = parseCommand(['deploy', 's/a', '--image', 'nginx:1.27', ...flags]);
      return parsed.kind === 'deploy' ? parsed.options.wait : undefined;
    };
    expect(waitOf()).toBe(false);
    expect(waitOf('--wait')).toBe(true);
    expect(waitOf('--finish')).toBe(true);
    expect(waitOf('--rollback-on-failure')).toBe(true);
  });

  it('defaults the timeout to 600 seconds', () => {
    const parsed = parseCommand(['deploy', 's/a', '--image', 'nginx:1.27']);
    expect(parsed.kind === 'deploy' && parsed.options.timeoutSeconds).toBe(600);
  });

  it.each([
    { argv: ['deploy', 's/a'], message: /--image is required/ },
    { argv: ['deploy', 's', '--image', 'x:1'], message: /"s" is not <stack>\/<service>/ },
    { argv: ['deploy', 's/a/b', '--image', 'x:1'], message: /is not <stack>\/<service>/ },
    { argv: ['deploy', '/a', '--image', 'x:1'], message: /is not <stack>\/<service>/ },
    { argv: ['deploy', 's/a', 't/b', '--image', 'x:1'], message: /one service at a time/ },
    { argv: ['deploy', 's/a', '--image', 'x:1', '--env', 'NOVALUE'], message: /--env NOVALUE: expected NAME=VALUE/ },
    { argv: ['deploy', 's/a', '--image', 'x:1', '--env', '=v'], message: /expected NAME=VALUE/ },
    { argv: ['deploy', 's/a', '--image', 'x:1', '--timeout', '0'], message: /--timeout 0: expected a number of seconds above 0/ },
    { argv: ['deploy', 's/a', '--image', 'x:1', '--timeout', 'soon'], message: /--timeout soon/ },
    { argv: ['deploy', 's/a', '--image', 'x:1', '--force'], message: /Unknown option '--force'/ },
    { argv: ['deploy', 's/a', '--image'], message: /--image/ },
    { argv: ['status'], message: /name one stack/ },
    { argv: ['status', 's/a'], message: /name one stack/ },
    { argv: ['logs', 's'], message: /is not <stack>\/<service>/ },
    { argv: ['logs', 's/a', '--tail', '-1'], message: /--tail/ },
    { argv: ['rollout', 's/a'], message: /unknown command "rollout"/ },
  ])('refuses $argv', ({ argv, message }) => {
    const parsed = parseCommand(argv);
    expect(parsed.kind).toBe('usage-error');
    expect(parsed.kind === 'usage-error' && parsed.message).toMatch(message);
  });

  it.each([[[]], [['--help']], [['deploy', '--help']], [['status', '-h']], [['logs', '--help']]])('help for %j', (argv) => {
    expect(parseCommand(argv).kind).toBe('help');
  });

  it('reads status and logs', () => {
    expect(parseCommand(['status', 'foo-jgi-doe', '--json'])).toEqual({ kind: 'status', stack: 'foo-jgi-doe', json: true });
    expect(parseCommand(['logs', 'foo-jgi-doe/web', '-f', '--tail', '5'])).toEqual({ kind: 'logs', stack: 'foo-jgi-doe', service: 'web', follow: true, tail: 5 });
    expect(parseCommand(['logs', '1st1/1s1'])).toEqual({ kind: 'logs', stack: '1st1', service: '1s1', follow: false, tail: 100 });
  });
});
