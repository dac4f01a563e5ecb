import type { LogEntry, RowList } from './log-entry';

export interface DownloadOptions {
  /** Container id → name, to prefix each line when several containers are merged; omit for one. */
  containerNames?: ReadonlyMap<string, string>;
}

/** One entry as a line of the text file (`docker logs -t` layout, markers as bracketed notes). */
function textLine(entry: LogEntry, names: ReadonlyMap<string, string> | undefined): string {
  const source = names ? ` ${names.get(entry.containerId) ?? entry.containerId}` : '';
  if (entry.kind === 'line') return `${entry.ts}${source} ${entry.stream} ${entry.plain}`;
  if (entry.kind === 'dropped') return `[${entry.count} lines dropped by the server: the browser read too slowly]${source}`;
  const at = new Date(entry.reconnectedAt).toISOString();
  return `[reconnected ${at}${entry.isContinuous ? '' : ': lines may be missing'}]${source}`;
}

/**
 * The loaded entries as plain text, one per line, colours removed. Rancher 1.6 keeps no log to download
 * (ux.md G6), so this is what the browser holds.
 */
export function formatLogText(entries: RowList<LogEntry>, options: DownloadOptions = {}): string {
  const lines: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries.at(i);
    if (entry) lines.push(textLine(entry, options.containerNames));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/**
 * `foo-jgi-doe-web-1-20261125T133700Z.log`: the source's name made safe for a file system, then the UTC time.
 */
export function downloadFileName(sourceName: string, now: Date): string {
  const safe = sourceName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'logs';
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${safe}-${stamp}.log`;
}
