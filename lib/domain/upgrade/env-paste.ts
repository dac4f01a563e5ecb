export interface PastedEntry {
  name: string;
  value: string;
}

export interface PasteResult {
  entries: PastedEntry[];
  /** Lines that are not `KEY=value`, 1-based, so the form can say which to fix. */
  errors: { line: number; message: string }[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function unquote(value: string): string {
  const first = value[0];
  if (value.length >= 2 && (first === '"' || first === "'") && value.endsWith(first)) {
    const inner = value.slice(1, -1);
    return first === '"' ? inner.replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1') : inner;
  }
  return value;
}

/**
 * Reads a block of `KEY=value` lines as people paste them from `.env` files and `docker inspect`:
 * blank lines and `#` comments are skipped, a leading `export ` is dropped, values may be quoted, and
 * a later line for the same name wins.
 *
 * @example parseEnvPaste('DEBUG=1\nexport NAME="foo bar"') // { entries: [{ name: 'DEBUG', value: '1' }, { name: 'NAME', value: 'foo bar' }], errors: [] }
 */
export function parseEnvPaste(text: string): PasteResult {
  const byName = new Map<string, string>();
  const errors: PasteResult['errors'] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const body = line.startsWith('export ') ? line.slice('export '.length).trimStart() : line;
    const eq = body.indexOf('=');
    if (eq <= 0) {
      errors.push({ line: index + 1, message: `line ${index + 1} is not KEY=value` });
      return;
    }
    const name = body.slice(0, eq).trim();
    if (!NAME.test(name)) {
      errors.push({ line: index + 1, message: `line ${index + 1}: "${name}" is not a variable name` });
      return;
    }
    byName.delete(name);
    byName.set(name, unquote(body.slice(eq + 1).trim()));
  });
  return { entries: [...byName].map(([name, value]) => ({ name, value })), errors };
}
