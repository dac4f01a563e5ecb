import { describe, expect, it } from 'vitest';
import { droppedEntry, gapEntry, lineEntry, stampAt } from './fixtures/log-entries';
import { downloadFileName, formatLogText } from './log-download';

describe('formatLogText', () => {
  const entries = [lineEntry(1, 1, '\x1b[32mGET /\x1b[0m 200'), droppedEntry(2, 1, 40), lineEntry(3, 2, 'boom', { stream: 'stderr', containerId: '1i2' }), gapEntry(4, 2)];

  it('writes one stamped line per entry, without colours', () => {
    const text = formatLogText(entries);
    expect(text.split('\n')).toEqual([
      `${stampAt(1)} stdout GET / 200`,
      '[40 lines dropped by the server: the browser read too slowly]',
      `${stampAt(2)} stderr boom`,
      `[reconnected ${new Date(Date.UTC(2026, 10, 25, 13, 37, 7)).toISOString()}: lines may be missing]`,
      '',
    ]);
  });

  it('names the container of each line in a merged view', () => {
    const names = new Map([
      ['1i1', 'web-1'],
      ['1i2', 'web-2'],
    ]);
    const text = formatLogText(entries, { containerNames: names });
    expect(text).toContain(`${stampAt(1)} web-1 stdout GET / 200`);
    expect(text).toContain(`${stampAt(2)} web-2 stderr boom`);
  });

  it('is empty for an empty log', () => {
    expect(formatLogText([])).toBe('');
  });
});

describe('downloadFileName', () => {
  it('makes the source name safe and stamps it', () => {
    const now = new Date(Date.UTC(2026, 10, 25, 13, 37, 0, 456));
    expect(downloadFileName('foo-jgi-doe-web-1', now)).toBe('foo-jgi-doe-web-1-20261125T133700Z.log');
    expect(downloadFileName('web / all containers', now)).toBe('web-all-containers-20261125T133700Z.log');
    expect(downloadFileName('///', now)).toBe('logs-20261125T133700Z.log');
  });
});
