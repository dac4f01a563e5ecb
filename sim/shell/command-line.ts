// Splits a shell command line into simple commands joined by `;`, `&&` and `||`, with quoting and
// `$VAR`/`${VAR}`/`$?` expansion. Pipes and redirections are outside what the fake shell does.

export interface SimpleCommand {
  argv: string[];
  /** How this command joins the one before it. */
  join: ';' | '&&' | '||';
}

export type ParsedLine = { ok: true; commands: SimpleCommand[] } | { ok: false; error: string };

export function parseCommandLine(line: string, vars: (name: string) => string): ParsedLine {
  const commands: SimpleCommand[] = [];
  let argv: string[] = [];
  let word = '';
  let inWord = false;
  let join: SimpleCommand['join'] = ';';
  const endWord = () => {
    if (inWord) argv.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (next: SimpleCommand['join']) => {
    endWord();
    if (argv.length > 0) commands.push({ argv, join });
    argv = [];
    join = next;
  };
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i] as string;
    const rest = line.slice(i);
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { ok: false, error: 'unterminated quoted string' };
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      while (j < line.length && line[j] !== '"') {
        if (line[j] === '$') {
          const m = /^\$(\?|\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)/.exec(line.slice(j));
          if (m) {
            word += vars((m[1] as string).replace(/[{}]/g, ''));
            j += m[0].length;
            continue;
          }
        }
        if (line[j] === '\\' && j + 1 < line.length) j += 1;
        word += line[j];
        j += 1;
      }
      if (j >= line.length) return { ok: false, error: 'unterminated quoted string' };
      inWord = true;
      i = j;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[i + 1];
      inWord = true;
      i += 1;
    } else if (c === '$') {
      const m = /^\$(\?|\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
      if (m) {
        word += vars((m[1] as string).replace(/[{}]/g, ''));
        inWord = true;
        i += m[0].length - 1;
      } else {
        word += c;
        inWord = true;
      }
    } else if (rest.startsWith('&&') || rest.startsWith('||')) {
      endCommand(rest.slice(0, 2) as '&&' | '||');
      i += 1;
    } else if (c === ';' || c === '\n') {
      endCommand(';');
    } else if (c === '|' || c === '>' || c === '<' || c === '&' || c === '`') {
      return { ok: false, error: `'${c}' is not supported by this shell` };
    } else if (c === ' ' || c === '\t') {
      endWord();
    } else if (c === '#' && !inWord) {
      break;
    } else {
      word += c;
      inWord = true;
    }
  }
  endCommand(';');
  return { ok: true, commands };
}
