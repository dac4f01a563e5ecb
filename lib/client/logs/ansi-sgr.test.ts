import { describe, expect, it } from 'vitest';
import { applySgr, paletteHex, parseAnsi, stripAnsi } from './ansi-sgr';

describe('parseAnsi', () => {
  it('keeps a plain line as one unstyled span', () => {
    expect(parseAnsi('GET / 200')).toEqual([{ text: 'GET / 200', style: {} }]);
    expect(parseAnsi('')).toEqual([]);
  });

  it('styles text between SGR sequences and resets', () => {
    expect(parseAnsi('\x1b[1;31mERROR\x1b[0m done')).toEqual([
      { text: 'ERROR', style: { bold: true, fg: 1 } },
      { text: ' done', style: {} },
    ]);
  });

  it('treats ESC[m as a reset', () => {
    expect(parseAnsi('\x1b[32mok\x1b[m plain')).toEqual([
      { text: 'ok', style: { fg: 2 } },
      { text: ' plain', style: {} },
    ]);
  });

  it('reads bright, 256-colour and true-colour codes in both notations', () => {
    expect(parseAnsi('\x1b[91ma\x1b[38;5;208mb\x1b[48;2;1;2;255mc\x1b[38:2::16:32:48md\x1b[104me')).toEqual([
      { text: 'a', style: { fg: 9 } },
      { text: 'b', style: { fg: 208 } },
      { text: 'c', style: { fg: 208, bg: '#0102ff' } },
      { text: 'd', style: { fg: '#102030', bg: '#0102ff' } },
      { text: 'e', style: { fg: '#102030', bg: 12 } },
    ]);
  });

  it('drops cursor moves, OSC titles and links, keeping their text out', () => {
    const line = '\x1b[2K\x1b[1Gprogress\x1b]0;title\x07 \x1b]8;;https://x.example\x1b\\link\x1b]8;;\x1b\\ end';
    expect(parseAnsi(line).map((s) => s.text).join('')).toBe('progress link end');
    expect(stripAnsi(line)).toBe('progress link end');
  });

  it('never turns text into markup', () => {
    const spans = parseAnsi('\x1b[31m<img src=x onerror=alert(1)>\x1b[0m');
    expect(spans).toEqual([{ text: '<img src=x onerror=alert(1)>', style: { fg: 1 } }]);
  });

  it('ignores malformed extended colours and private-marker sequences', () => {
    expect(parseAnsi('\x1b[38;5;999mx')).toEqual([{ text: 'x', style: {} }]);
    expect(parseAnsi('\x1b[>4;2my')).toEqual([{ text: 'y', style: {} }]);
    expect(stripAnsi('a\x1bb')).toBe('ab');
  });
});

describe('applySgr', () => {
  const cases = [
    { name: 'bold off also clears dim', from: { bold: true, dim: true, fg: 3 }, raw: '22', to: { fg: 3 } },
    { name: 'default foreground', from: { fg: 3, bg: 4 }, raw: '39', to: { bg: 4 } },
    { name: 'default background', from: { fg: 3, bg: 4 }, raw: '49', to: { fg: 3 } },
    { name: 'attributes on', from: {}, raw: '3;4;7;9', to: { italic: true, underline: true, inverse: true, strike: true } },
    { name: 'attributes off', from: { italic: true, underline: true, inverse: true, strike: true }, raw: '23;24;27;29', to: {} },
    { name: 'reset then colour', from: { bold: true }, raw: '0;44', to: { bg: 4 } },
  ];
  it.each(cases)('$name', ({ from, raw, to }) => {
    expect(applySgr(from, raw)).toEqual(to);
  });
});

describe('paletteHex', () => {
  it.each([
    [16, '#000000'],
    [196, '#ff0000'],
    [231, '#ffffff'],
    [232, '#080808'],
    [255, '#eeeeee'],
  ])('%i is %s', (index, hex) => {
    expect(paletteHex(index)).toBe(hex);
  });
});
