import { describe, expect, it } from 'vitest';
import { lineEntry, stampAt } from './fixtures/log-entries';
import type { LogEntry } from './log-entry';
import { decodePermalink, encodePermalink, lineHash, locatePermalink, permalinkOf } from './permalink';

describe('lineHash', () => {
  it('is 8 hex digits, stable, and differs between texts', () => {
    expect(lineHash('')).toBe('811c9dc5');
    expect(lineHash('GET / 200')).toMatch(/^[0-9a-f]{8}$/);
    expect(lineHash('GET / 200')).toBe(lineHash('GET / 200'));
    expect(lineHash('GET / 200')).not.toBe(lineHash('GET / 201'));
  });
});

describe('encodePermalink and decodePermalink', () => {
  const target = { containerId: '1i5', ts: '2026-11-25T13:37:00.123456789Z', hash: '0badf00d' };

  it('round-trips through the URL, keeping the page and its other parameters', () => {
    const url = encodePermalink('https://portal.example/stacks/1st5/services/1s9/logs?container=1i5#top', target);
    const parsed = new URL(url);
    expect(parsed.pathname).toBe('/stacks/1st5/services/1s9/logs');
    expect(parsed.searchParams.get('container')).toBe('1i5');
    expect(parsed.hash).toBe('');
    expect(decodePermalink(parsed.searchParams)).toEqual(target);
  });

  it('replaces an earlier target', () => {
    const first = encodePermalink('http://127.0.0.1:3000/x', target);
    const second = encodePermalink(first, { containerId: '1i6', ts: '2026-11-25T13:38:00Z' });
    expect(decodePermalink(new URL(second).searchParams)).toEqual({ containerId: '1i6', ts: '2026-11-25T13:38:00Z' });
  });

  it("reads a Next page's searchParams record", () => {
    expect(decodePermalink({ logContainer: '1i5', logTime: target.ts, logLine: ['0badf00d', 'ignored'] })).toEqual(target);
  });

  it.each([
    ['no target', {}],
    ['no time', { logContainer: '1i5' }],
    ['a bad time', { logContainer: '1i5', logTime: 'noon' }],
    ['a bad container id', { logContainer: '../x', logTime: target.ts }],
    ['a bad hash', { logContainer: '1i5', logTime: target.ts, logLine: 'xyz' }],
  ])('rejects %s', (_name, record) => {
    expect(decodePermalink(record)).toBeNull();
  });
});

describe('locatePermalink', () => {
  const entries: LogEntry[] = [
    lineEntry(1, 1, 'a'),
    lineEntry(2, 2, 'b', { containerId: '1i2' }),
    lineEntry(3, 3, 'same instant one'),
    lineEntry(4, 3, 'same instant two'),
    lineEntry(5, 5, 'e'),
  ];

  it('finds the line, telling apart lines of one instant by their hash', () => {
    const two = entries[3];
    if (two?.kind !== 'line') throw new Error('fixture');
    expect(locatePermalink(entries, permalinkOf(two))).toEqual({ status: 'found', entry: two });
    expect(locatePermalink(entries, { containerId: '1i1', ts: stampAt(3) })).toEqual({ status: 'found', entry: entries[3] });
  });

  it('waits while the container has not reached the time yet', () => {
    expect(locatePermalink(entries, { containerId: '1i1', ts: stampAt(9) }).status).toBe('pending');
    expect(locatePermalink(entries, { containerId: '1i9', ts: stampAt(1) }).status).toBe('pending');
  });

  it('says missing once lines went past the time without it', () => {
    expect(locatePermalink(entries, { containerId: '1i1', ts: stampAt(4) }).status).toBe('missing');
    expect(locatePermalink(entries, { containerId: '1i1', ts: stampAt(3), hash: '00000000' }).status).toBe('missing');
    // Older than everything loaded: it aged out of the buffer (or Rancher's tail).
    expect(locatePermalink(entries, { containerId: '1i1', ts: stampAt(0) }).status).toBe('missing');
  });
});
