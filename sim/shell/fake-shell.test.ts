import { describe, expect, it } from 'vitest';
import { FakeShell } from './fake-shell';
import { buildTree } from './file-tree';
import type { ShellState } from './shell-commands';

function session(options: { kind?: 'bash' | 'sh'; uid?: number; tty?: boolean } = {}) {
  const kind = options.kind ?? 'sh';
  const uid = options.uid ?? 0;
  const user = uid === 0 ? { name: 'root', uid: 0, gid: 0, home: '/root' } : { name: 'fred', uid, gid: 1001, home: '/home/fred' };
  const tree = buildTree({
    hostname: 'foo-web-1',
    ipAddress: '10.42.0.5',
    shell: kind,
    users: [{ name: 'fred', uid: 1001, gid: 1001, home: '/home/fred' }],
    groups: [{ name: 'csg', gid: 1001 }],
    workingDir: '/srv/app',
    files: { '/srv/app/app.py': 'print("hi")\n' },
    secrets: [{ name: 'db-pass', value: 's3cret' }],
    createdMs: Date.UTC(2026, 0, 1),
  });
  const state: ShellState = {
    kind,
    hostname: 'foo-web-1',
    user,
    userName: user.name,
    groupName: uid === 0 ? 'root' : 'csg',
    cwd: '/srv/app',
    env: new Map([['HOME', user.home], ['APP_ENV', 'production']]),
    tree,
    accounts: [{ name: 'root', uid: 0, gid: 0, home: '/root' }, { name: 'fred', uid: 1001, gid: 1001, home: '/home/fred' }],
    groups: [{ name: 'root', gid: 0 }, { name: 'csg', gid: 1001 }],
    cols: 80,
    lastStatus: 0,
  };
  let out = '';
  const exits: number[] = [];
  const shell = new FakeShell(state, kind === 'bash', options.tty ?? true, { write: (t) => (out += t), exit: (c) => exits.push(c) });
  return { shell, exits, out: () => out, type: (text: string) => shell.input(Buffer.from(text)) };
}

describe('FakeShell', () => {
  it('prompts, echoes keystrokes and answers the basic commands', () => {
    const s = session();
    s.shell.start(['sh']);
    expect(s.out()).toBe('/srv/app # ');
    s.type('pwd\recho $APP_ENV\rhostname\rid\r');
    expect(s.out()).toContain('pwd\r\n/srv/app\r\n');
    expect(s.out()).toContain('echo $APP_ENV\r\nproduction\r\n');
    expect(s.out()).toContain('foo-web-1\r\n');
    expect(s.out()).toContain('uid=0(root) gid=0(root) groups=0(root)');
  });

  it('cd, ls and cat over the file tree, with BusyBox or GNU messages', () => {
    const sh = session();
    sh.shell.start(['sh']);
    sh.type('cd /run/secrets\rls\rcat db-pass\rcat nope\rcd /nowhere\r');
    expect(sh.out()).toContain('db-pass\r\n');
    expect(sh.out()).toContain('s3cret');
    expect(sh.out()).toContain("cat: can't open 'nope': No such file or directory");
    expect(sh.out()).toContain("sh: cd: can't cd to /nowhere: No such file or directory");
    const bash = session({ kind: 'bash' });
    bash.shell.start(['bash']);
    bash.type('ls /nope\rcat /etc\rfrobnicate\r');
    expect(bash.out()).toContain("ls: cannot access '/nope': No such file or directory");
    expect(bash.out()).toContain('cat: /etc: Is a directory');
    expect(bash.out()).toContain('bash: frobnicate: command not found');
    expect(bash.out()).toContain('root@foo-web-1:/srv/app# ');
  });

  it('keeps a non-root user out of files only root may read', () => {
    const s = session({ kind: 'bash', uid: 1001 });
    s.shell.start(['bash']);
    s.type('cat /etc/shadow\rid\rcd\rpwd\r');
    expect(s.out()).toContain('cat: /etc/shadow: Permission denied');
    expect(s.out()).toContain('uid=1001(fred) gid=1001(csg) groups=1001(csg)');
    expect(s.out()).toContain('fred@foo-web-1:~$ ');
  });

  it('handles backspace, Ctrl-C and Ctrl-D', () => {
    const s = session();
    s.shell.start(['sh']);
    s.type('ecx\x7fho ok\r');
    expect(s.out()).toContain('ok\r\n');
    s.type('sleep 100\x03');
    expect(s.out()).toContain('^C\r\n/srv/app # ');
    s.type('\x04');
    expect(s.exits).toEqual([130]);
  });

  it('exit ends the session with its code', () => {
    const s = session({ kind: 'bash' });
    s.shell.start(['/bin/bash']);
    s.type('exit 3\r');
    expect(s.exits).toEqual([3]);
    expect(s.out().endsWith('exit\r\n')).toBe(true);
  });

  it('runs a single command or `sh -c` without a prompt, and fails to exec what the image lacks', () => {
    const one = session({ tty: false });
    one.shell.start(['ls', '/srv/app']);
    expect(one.out()).toBe('app.py\n');
    expect(one.exits).toEqual([0]);
    const script = session({ tty: false });
    script.shell.start(['sh', '-c', 'cd / && pwd; false || echo fallback']);
    expect(script.out()).toBe('/\nfallback\n');
    const bash = session({ kind: 'sh' });
    bash.shell.start(['/bin/bash']);
    expect(bash.out()).toContain('executable file not found in $PATH');
    expect(bash.exits).toEqual([126]);
  });

  it('the UI’s shell chooser starts bash when the image has it, sh otherwise', () => {
    const chooser = ['/bin/sh', '-c', 'TERM=xterm-256color; export TERM; [ -x /bin/bash ] && exec /bin/bash || exec /bin/sh'];
    const withBash = session({ kind: 'bash' });
    withBash.shell.start(chooser);
    expect(withBash.out()).toBe('root@foo-web-1:/srv/app# ');
    const withoutBash = session({ kind: 'sh' });
    withoutBash.shell.start(chooser);
    expect(withoutBash.out()).toBe('/srv/app # ');
  });

  it('ignores input after hang-up', () => {
    const s = session();
    s.shell.start(['sh']);
    s.shell.hangup();
    s.type('echo late\r');
    expect(s.out()).toBe('/srv/app # ');
  });
});
