/** One entry of an LDIF file: its DN and its attributes, each with every value in file order. */
export interface LdifEntry {
  dn: string;
  attributes: Record<string, string[]>;
}

function unfold(text: string): { line: string; number: number }[] {
  const lines: { line: string; number: number }[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const previous = lines.at(-1);
    // RFC 2849: a line starting with one space continues the previous line.
    if (line.startsWith(' ') && previous && previous.line !== '') previous.line += line.slice(1);
    else lines.push({ line, number: index + 1 });
  });
  return lines.filter(({ line }) => !line.startsWith('#'));
}

function parseLine(line: string, number: number): { name: string; value: string } {
  const match = /^([A-Za-z][A-Za-z0-9-]*(?:;[A-Za-z0-9-]+)*)(:<|::|:)\s*(.*)$/.exec(line);
  if (!match) throw new Error(`LDIF line ${number}: expected "attribute: value"`);
  const [, name = '', separator, value = ''] = match;
  if (separator === ':<') throw new Error(`LDIF line ${number}: values read from URLs are not supported`);
  return { name, value: separator === '::' ? Buffer.from(value, 'base64').toString('utf8') : value };
}

/**
 * Parses the content records of an LDIF file (RFC 2849): comments, folded lines and base64 values.
 * Change records are refused, since the demo directory is loaded, never patched.
 */
export function parseLdif(text: string): LdifEntry[] {
  const entries: LdifEntry[] = [];
  let current: LdifEntry | undefined;
  for (const { line, number } of unfold(text)) {
    if (line.trim() === '') {
      current = undefined;
      continue;
    }
    const { name, value } = parseLine(line, number);
    if (!current) {
      if (name.toLowerCase() === 'version' && entries.length === 0) continue;
      if (name.toLowerCase() !== 'dn') throw new Error(`LDIF line ${number}: an entry must start with "dn:"`);
      current = { dn: value, attributes: {} };
      entries.push(current);
      continue;
    }
    if (name.toLowerCase() === 'changetype') throw new Error(`LDIF line ${number}: change records are not supported`);
    (current.attributes[name] ??= []).push(value);
  }
  return entries;
}
