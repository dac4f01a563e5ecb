import { parseCommandLine } from './command-line';
import { commands, type ShellState } from './shell-commands';

// A scripted shell behind the exec websocket, never a host shell: a terminal line discipline (echo,
// backspace, Ctrl-C, Ctrl-D), a prompt, and a handful of commands over an in-memory file tree.

export interface ShellIo {
  write(text: string): void;
  exit(code: number): void;
}

const shells = new Set(['sh', 'ash', 'bash']);

/** The Rancher UI's command: start bash when the image has it, else sh (rancher-api.md §6.3). */
function isShellChooser(script: string): boolean {
  return /\[ -x \/bin\/bash \]/.test(script);
}

export class FakeShell {
  private line = '';
  private inEscape = false;
  private interactive = false;
  private closed = false;

  constructor(
    private readonly sh: ShellState,
    private readonly hasBash: boolean,
    private readonly tty: boolean,
    private readonly io: ShellIo,
  ) {}

  /** Runs what docker exec was asked to run: a shell, `sh -c …`, or one command. */
  start(command: string[]): void {
    const [program = '', ...args] = command;
    const base = program.split('/').pop() ?? program;
    const known = shells.has(base) ? base !== 'bash' || this.hasBash : base in commands;
    if (!known) {
      this.write(`OCI runtime exec failed: exec failed: container_linux.go:348: starting container process caused "exec: \\"${program}\\": executable file not found in $PATH": unknown\n`);
      this.finish(126);
      return;
    }
    if (!shells.has(base)) {
      this.execute([program, ...args].map(quote).join(' '));
      if (!this.closed) this.finish(this.sh.lastStatus);
      return;
    }
    if (args[0] === '-c') {
      const script = args[1] ?? '';
      if (isShellChooser(script)) {
        this.beginInteractive(this.hasBash ? 'bash' : 'sh');
        return;
      }
      this.execute(script);
      if (!this.closed) this.finish(this.sh.lastStatus);
      return;
    }
    this.beginInteractive(base === 'bash' ? 'bash' : 'sh');
  }

  /** Keystrokes from the client. */
  input(data: Buffer): void {
    if (!this.interactive || this.closed) return;
    for (const ch of data.toString('utf8')) {
      if (this.closed) return;
      if (this.inEscape) {
        if (/[A-Za-z~]/.test(ch)) this.inEscape = false;
        continue;
      }
      switch (ch) {
        case '\x1b':
          this.inEscape = true;
          break;
        case '\r':
        case '\n':
          this.enter();
          break;
        case '\x7f':
        case '\b':
          if (this.line) {
            this.line = this.line.slice(0, -1);
            this.echo('\b \b');
          }
          break;
        case '\x03':
          this.echo('^C\r\n');
          this.line = '';
          this.sh.lastStatus = 130;
          this.prompt();
          break;
        case '\x04':
          if (this.line === '') this.exitShell(this.sh.lastStatus);
          break;
        case '\x15':
          this.echo('\b \b'.repeat(this.line.length));
          this.line = '';
          break;
        case '\t':
          break;
        default:
          if (ch >= ' ') {
            this.line += ch;
            this.echo(ch);
          }
      }
    }
  }

  resize(cols: number): void {
    if (cols > 0) this.sh.cols = cols;
  }

  /** The client went away; docker writes EOT to stdin and the shell ends without output. */
  hangup(): void {
    this.closed = true;
  }

  private beginInteractive(kind: 'bash' | 'sh'): void {
    this.sh.kind = kind;
    this.interactive = true;
    if (!this.sh.env.has('TERM')) this.sh.env.set('TERM', 'xterm');
    this.prompt();
  }

  private enter(): void {
    this.echo('\r\n');
    const line = this.line;
    this.line = '';
    this.execute(line);
    if (!this.closed) this.prompt();
  }

  private execute(line: string): void {
    const parsed = parseCommandLine(line, (name) => (name === '?' ? String(this.sh.lastStatus) : (this.sh.env.get(name) ?? '')));
    if (!parsed.ok) {
      this.write(`${this.sh.kind}: ${parsed.error}\n`);
      this.sh.lastStatus = 2;
      return;
    }
    for (const { argv, join } of parsed.commands) {
      if ((join === '&&' && this.sh.lastStatus !== 0) || (join === '||' && this.sh.lastStatus === 0)) continue;
      const result = this.run(argv);
      this.write(result.out);
      this.sh.lastStatus = result.code;
      if (result.exit) {
        this.exitShell(result.code);
        return;
      }
    }
  }

  private run(argv: string[]): { out: string; code: number; exit?: boolean } {
    let firstWord = 0;
    while (firstWord < argv.length && /^[A-Za-z_]\w*=/.test(argv[firstWord] ?? '')) firstWord += 1;
    const assignments = argv.slice(0, firstWord);
    const rest = argv.slice(firstWord);
    const [name = '', ...args] = rest;
    if (rest.length === 0 || name === 'export') {
      for (const a of [...assignments, ...args]) {
        const eq = a.indexOf('=');
        if (eq > 0) this.sh.env.set(a.slice(0, eq), a.slice(eq + 1));
      }
      return { out: '', code: 0 };
    }
    if (name === 'unset') {
      for (const a of args) this.sh.env.delete(a);
      return { out: '', code: 0 };
    }
    const command = commands[name.split('/').pop() ?? name];
    if (!command) return { out: this.sh.kind === 'bash' ? `bash: ${name}: command not found\n` : `sh: ${name}: not found\n`, code: 127 };
    return command(this.sh, args);
  }

  private exitShell(code: number): void {
    if (this.interactive && this.sh.kind === 'bash') this.echo('exit\r\n');
    this.finish(code);
  }

  private finish(code: number): void {
    if (this.closed) return;
    this.closed = true;
    this.io.exit(code);
  }

  private prompt(): void {
    const { kind, cwd, user, userName, hostname } = this.sh;
    const sigil = user.uid === 0 ? '#' : '$';
    const home = this.sh.env.get('HOME');
    const shown = home && home !== '/' && (cwd === home || cwd.startsWith(`${home}/`)) ? `~${cwd.slice(home.length)}` : cwd;
    this.write(kind === 'bash' ? `${userName ?? `I have no name!`}@${hostname}:${shown}${sigil} ` : `${shown} ${sigil} `);
  }

  private echo(text: string): void {
    if (this.tty) this.io.write(text);
  }

  private write(text: string): void {
    if (text) this.io.write(this.tty ? text.replace(/\r?\n/g, '\r\n') : text);
  }
}

function quote(arg: string): string {
  return /^[\w./:=@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
