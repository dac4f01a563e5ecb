import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Alias, type Document, type Node, type ParseOptions, type DocumentOptions, type SchemaOptions } from 'yaml';
import { parsePointer, pointer } from './json-pointer';

export interface SourcePosition {
  line: number;
  column: number;
}

/** A key written twice in one map: YAML forbids it, docker-compose and Rancher keep the last value. */
export interface DuplicateKey {
  key: string;
  /** Pointer of the entry (its last value is the one that counts). */
  path: string;
  /** Where the repeated key is written. */
  position: SourcePosition;
}

/** A parsed YAML file that can tell where a JSON Pointer's value (or nearest ancestor) was written. */
export interface YamlSource {
  file: string | undefined;
  value: unknown;
  duplicateKeys: readonly DuplicateKey[];
  locate(pointer: string): SourcePosition | null;
}

export interface YamlParseError {
  file: string | undefined;
  line: number;
  column: number;
  message: string;
}

export type YamlSourceResult = { ok: true; source: YamlSource } | { ok: false; error: YamlParseError };

// docker-compose and rancher-compose read YAML 1.1 (`0400` is octal, `yes` is true, merge keys work).
// Go's yaml.v2, which Rancher uses, has no sexagesimal numbers or timestamps, so `22:22` stays a string.
const YAML_11: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  merge: true,
  // Go's yaml.v2 as Rancher and docker-compose use it keeps the last of repeated keys; so do we, and say so.
  uniqueKeys: false,
  customTags: (tags) => tags.filter((t) => typeof t === 'string' || (t.format !== 'TIME' && t.tag !== 'tag:yaml.org,2002:timestamp')),
};

type AnyNode = Node | null | undefined;

// A few lines of anchors and aliases can expand to gigabytes (billion laughs); a compose file needs
// far fewer, so more is an unreadable file, not a reason to spend memory.
const MAX_ALIAS_COUNT = 1000;

function firstAlias(doc: Document): Alias | undefined {
  let found: Alias | undefined;
  visit(doc, {
    Alias(_, node) {
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

/** yaml throws a ReferenceError for an alias it will not expand: too many expansions, or no anchor yet. */
function aliasError(doc: Document, lc: LineCounter, err: ReferenceError, file: string | undefined): YamlParseError {
  const { line, column } = position(lc, firstAlias(doc)) ?? { line: 1, column: 1 };
  const message = err.message.startsWith('Excessive alias count')
    ? `its aliases expand to more than ${MAX_ALIAS_COUNT} copies (an alias bomb)`
    : (err.message.split('\n')[0] ?? err.message);
  return { file, line, column, message };
}

/** Finds the child for a key, following aliases and `<<` merge keys as YAML 1.1 does. */
function child(doc: Document, node: AnyNode, key: string, seen = 0): { node: AnyNode; keyNode: AnyNode } | null {
  const n = isAlias(node) ? (node.resolve(doc) as AnyNode) : node;
  if (isSeq(n)) {
    const item = /^\d+$/.test(key) ? (n.items[Number(key)] as AnyNode) : undefined;
    return item === undefined ? null : { node: item, keyNode: null };
  }
  if (!isMap(n) || seen > 20) return null;
  const merges: AnyNode[] = [];
  let own: { node: AnyNode; keyNode: AnyNode } | null = null;
  for (const pair of n.items) {
    if (!isPair(pair)) continue;
    if (!isScalar(pair.key)) continue;
    // A merge key's value is a symbol; its source text is still `<<`. A repeated key: the last one counts.
    if (typeof pair.key.value === 'symbol') {
      if (pair.key.source === '<<') merges.push(pair.value as AnyNode);
    } else if (String(pair.key.value) === key) own = { node: pair.value as AnyNode, keyNode: pair.key as AnyNode };
  }
  if (own) return own;
  for (const m of merges) {
    const target = isAlias(m) ? (m.resolve(doc) as AnyNode) : m;
    const sources = isSeq(target) ? (target.items as AnyNode[]) : [target];
    for (const s of sources) {
      const found = child(doc, s, key, seen + 1);
      if (found) return found;
    }
  }
  return null;
}

function position(lc: LineCounter, node: AnyNode): SourcePosition | null {
  const offset = node?.range?.[0];
  if (offset === undefined) return null;
  const { line, col } = lc.linePos(offset);
  return { line, column: col };
}

/** Every key written more than once in the same map, walked from the document's root (aliases are not walked twice). */
function duplicateKeys(lc: LineCounter, node: AnyNode, path: string, out: DuplicateKey[]): DuplicateKey[] {
  if (isMap(node)) {
    const seen = new Set<string>();
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key) || typeof pair.key.value === 'symbol') continue;
      const key = String(pair.key.value);
      const at = pointer(path, key);
      if (seen.has(key)) out.push({ key, path: at, position: position(lc, pair.key as AnyNode) ?? { line: 1, column: 1 } });
      seen.add(key);
      duplicateKeys(lc, pair.value as AnyNode, at, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => duplicateKeys(lc, item as AnyNode, pointer(path, i), out));
  }
  return out;
}

/** Parses YAML text, keeping enough to map pointers back to line and column. */
export function parseYamlSource(text: string, file?: string): YamlSourceResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...YAML_11, lineCounter, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const { line, col } = lineCounter.linePos(first.pos[0]);
    const message = first.message.split('\n')[0] ?? first.message;
    return { ok: false, error: { file, line, column: col, message: message.replace(/ at line \d+, column \d+:?$/, '') } };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    return { ok: false, error: aliasError(doc, lineCounter, err, file) };
  }
  return {
    ok: true,
    source: {
      file,
      value,
      duplicateKeys: duplicateKeys(lineCounter, doc.contents, '', []),
      // Points at the key of a map entry (what an editor highlights) and at the item of a sequence;
      // a pointer to something absent (a fix that adds a field) falls back to its nearest ancestor.
      locate(ptr) {
        let node: AnyNode = doc.contents;
        let at: AnyNode = doc.contents;
        for (const seg of parsePointer(ptr)) {
          const next = child(doc, node, seg);
          if (!next) break;
          node = next.node;
          at = next.keyNode ?? next.node;
        }
        return position(lineCounter, at) ?? { line: 1, column: 1 };
      },
    },
  };
}
