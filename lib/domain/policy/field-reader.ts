import type { RawFinding } from './finding';
import { pointer } from './json-pointer';
import type { Entry, KeyValue, SpecField, SpecInput } from './service-spec';

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** YAML gives numbers and booleans where text is meant (`user: 1000`, `DEBUG: yes`): read them as text. */
export function scalarText(v: unknown): string | null {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
}

/**
 * Reads the typed fields of one service object (compose or launchConfig spelling); a value of the
 * wrong shape becomes a problem at its pointer and is skipped. A class, not closures: the check runs
 * on every keystroke of the upgrade form and per file in batch runs.
 */
export class FieldReader {
  readonly problems: RawFinding[] = [];

  constructor(
    private readonly raw: Record<string, unknown>,
    private readonly names: Readonly<Record<SpecField, string>>,
    private readonly base: string,
    private readonly input: SpecInput,
    private readonly service: string,
  ) {}

  get(f: SpecField): unknown {
    return this.raw[this.names[f]];
  }

  path(f: SpecField): string {
    return pointer(this.base, this.names[f]);
  }

  problem(path: string, reason: string): void {
    this.problems.push({ input: this.input, path, service: this.service, message: `Cannot check ${path}: ${reason}.` });
  }

  text(f: SpecField): Entry<string> | null {
    const v = this.get(f);
    if (v === null || v === undefined) return null;
    const s = scalarText(v);
    if (s === null) this.problem(this.path(f), 'expected a string');
    return s === null ? null : { value: s, path: this.path(f) };
  }

  /** The field's items with the pointer of the list; null when absent or not a list (a problem then). */
  private items(f: SpecField): { base: string; values: unknown[] } | null {
    const v = this.get(f);
    if (v === null || v === undefined) return null;
    const base = this.path(f);
    if (Array.isArray(v)) return { base, values: v };
    this.problem(base, 'expected a list');
    return null;
  }

  list(f: SpecField): Entry<unknown>[] {
    const items = this.items(f);
    const out: Entry<unknown>[] = [];
    if (items) for (let i = 0; i < items.values.length; i++) out.push({ value: items.values[i], path: `${items.base}/${i}` });
    return out;
  }

  textList(f: SpecField): Entry<string>[] {
    const items = this.items(f);
    const out: Entry<string>[] = [];
    if (!items) return out;
    for (let i = 0; i < items.values.length; i++) {
      const s = scalarText(items.values[i]);
      if (s === null) this.problem(`${items.base}/${i}`, 'expected a string');
      else out.push({ value: s, path: `${items.base}/${i}` });
    }
    return out;
  }

  /** `environment` and `labels`: a map, or a list of `KEY=VALUE` (`KEY` alone takes the shell's value). */
  keyValues(f: SpecField): { entries: KeyValue[]; form: 'map' | 'list' | 'none' } {
    const v = this.get(f);
    if (v === null || v === undefined) return { entries: [], form: 'none' };
    const entries: KeyValue[] = [];
    if (Array.isArray(v)) {
      for (const e of this.textList(f)) {
        const eq = e.value.indexOf('=');
        entries.push(eq < 0 ? { key: e.value, value: null, path: e.path } : { key: e.value.slice(0, eq), value: e.value.slice(eq + 1), path: e.path });
      }
      return { entries, form: 'list' };
    }
    if (!isRecord(v)) {
      this.problem(this.path(f), 'expected a map or a list of KEY=VALUE');
      return { entries, form: 'none' };
    }
    const base = this.path(f);
    for (const key of Object.keys(v)) {
      const value = v[key];
      const path = pointer(base, key);
      const s = value === null ? null : scalarText(value);
      if (value !== null && s === null) this.problem(path, 'expected a string value');
      else entries.push({ key, value: s, path });
    }
    return { entries, form: 'map' };
  }
}
