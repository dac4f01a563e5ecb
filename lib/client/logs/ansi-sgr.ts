// ANSI escape sequences in log lines: SGR (`ESC [ … m`) sets colours and weights and becomes styled
// spans; every other sequence (cursor moves, OSC titles and links) is dropped. The output is plain
// text plus styles, rendered as React text, so a line can never inject markup.

/** A palette index (0–15 the basic and bright colours, 16–255 xterm's cube and greys) or `#rrggbb`. */
export type AnsiColour = number | `#${string}`;

export interface AnsiStyle {
  fg?: AnsiColour;
  bg?: AnsiColour;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
  strike?: boolean;
}

export interface AnsiSpan {
  text: string;
  style: AnsiStyle;
}

// CSI (ESC [ params intermediates final), OSC (ESC ] … BEL or ESC \), any other two-byte escape, a lone ESC.
const escapes = /\x1b\[([0-?]*)[ -/]*([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x1b/g;

/** The text without escape sequences. */
export function stripAnsi(text: string): string {
  return text.includes('\x1b') ? text.replace(escapes, '') : text;
}

/**
 * The styled spans of a line. A line without escapes is one unstyled span.
 *
 * @example parseAnsi('\x1b[31mERROR\x1b[0m ok')
 *   // [{ text: 'ERROR', style: { fg: 1 } }, { text: ' ok', style: {} }]
 */
export function parseAnsi(text: string): AnsiSpan[] {
  if (!text.includes('\x1b')) return text === '' ? [] : [{ text, style: {} }];
  const spans: AnsiSpan[] = [];
  let style: AnsiStyle = {};
  let last = 0;
  for (const match of text.matchAll(escapes)) {
    const at = match.index;
    if (at > last) spans.push({ text: text.slice(last, at), style });
    last = at + match[0].length;
    // A private-marker `m` (`ESC [>4;2m`, xterm key modes) is not SGR.
    const params = match[1] ?? '';
    if (match[2] === 'm' && !/^[<=>?]/.test(params)) style = applySgr(style, params);
  }
  if (last < text.length) spans.push({ text: text.slice(last), style });
  return spans;
}

function byte(value: number | undefined): number | null {
  return value !== undefined && Number.isInteger(value) && value >= 0 && value <= 255 ? value : null;
}

function hex(r: number, g: number, b: number): `#${string}` {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Reads an extended colour after 38 or 48: `5;n` (palette) or `2;r;g;b` (true colour). Returns the
 * colour (undefined when malformed) and how many parameters it used.
 */
function extendedColour(params: number[], at: number): { colour: AnsiColour | undefined; used: number } {
  const mode = params[at];
  if (mode === 5) {
    const index = byte(params[at + 1]);
    return { colour: index ?? undefined, used: 2 };
  }
  if (mode === 2) {
    const [r, g, b] = [byte(params[at + 1]), byte(params[at + 2]), byte(params[at + 3])];
    return { colour: r !== null && g !== null && b !== null ? hex(r, g, b) : undefined, used: 4 };
  }
  return { colour: undefined, used: 1 };
}

/** Splits SGR parameters; the ITU colon form (`38:2::r:g:b`, with an empty colour-space id) reads like the semicolon one. */
function sgrParams(raw: string): number[][] {
  if (raw === '') return [[0]];
  return raw.split(';').map((group) => {
    const parts = group.split(':').map((p) => (p === '' ? 0 : Number(p)));
    // `38:2:<cs>:r:g:b` carries a colour-space id before the channels; drop it so both forms line up.
    if (parts.length === 6 && parts[1] === 2) parts.splice(2, 1);
    return parts;
  });
}

/** The style after one SGR sequence. */
export function applySgr(current: AnsiStyle, raw: string): AnsiStyle {
  const style: AnsiStyle = { ...current };
  // Colon groups are self-contained; the semicolon parameters of 38/48 spill into the following ones:
  // flattening reads both the same way.
  const codes = sgrParams(raw).flat();
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] as number;
    if (code === 38 || code === 48) {
      const { colour, used } = extendedColour(codes, i + 1);
      if (colour !== undefined) style[code === 38 ? 'fg' : 'bg'] = colour;
      i += used;
    } else {
      applyCode(style, code);
    }
  }
  return style;
}

function applyCode(style: AnsiStyle, code: number): void {
  if (code === 0) {
    for (const key of Object.keys(style) as (keyof AnsiStyle)[]) delete style[key];
  } else if (code === 1) style.bold = true;
  else if (code === 2) style.dim = true;
  else if (code === 3) style.italic = true;
  else if (code === 4) style.underline = true;
  else if (code === 7) style.inverse = true;
  else if (code === 9) style.strike = true;
  else if (code === 21 || code === 22) {
    delete style.bold;
    delete style.dim;
  } else if (code === 23) delete style.italic;
  else if (code === 24) delete style.underline;
  else if (code === 27) delete style.inverse;
  else if (code === 29) delete style.strike;
  else if (code >= 30 && code <= 37) style.fg = code - 30;
  else if (code === 39) delete style.fg;
  else if (code >= 40 && code <= 47) style.bg = code - 40;
  else if (code === 49) delete style.bg;
  else if (code >= 90 && code <= 97) style.fg = code - 90 + 8;
  else if (code >= 100 && code <= 107) style.bg = code - 100 + 8;
}

const cubeLevels = [0, 95, 135, 175, 215, 255];

/** `#rrggbb` of an xterm palette index from 16 up: the 6×6×6 colour cube, then 24 greys. */
export function paletteHex(index: number): `#${string}` {
  if (index >= 232) {
    const grey = 8 + (index - 232) * 10;
    return hex(grey, grey, grey);
  }
  const cube = Math.max(0, index - 16);
  return hex(cubeLevels[Math.floor(cube / 36) % 6] ?? 0, cubeLevels[Math.floor(cube / 6) % 6] ?? 0, cubeLevels[cube % 6] ?? 0);
}
