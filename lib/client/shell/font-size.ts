export const minFontSize = 10;
export const maxFontSize = 24;
export const defaultFontSize = 14;
/** The localStorage key that remembers the terminal's text size between visits. */
export const fontSizeStorageKey = 'spin-portal.shell.font-size';

/** A whole pixel size within 10-24 (ux.md S2). */
export function clampFontSize(size: number): number {
  if (!Number.isFinite(size)) return defaultFontSize;
  return Math.min(maxFontSize, Math.max(minFontSize, Math.round(size)));
}

/** The size one step larger (+1) or smaller (-1), staying within the limits. */
export function stepFontSize(size: number, step: 1 | -1): number {
  return clampFontSize(size + step);
}

/** The saved size, or the default when nothing (or something unreadable) was saved. */
export function parseStoredFontSize(raw: string | null): number {
  if (raw === null || !/^\s*\d+(\.\d+)?\s*$/.test(raw)) return defaultFontSize;
  return clampFontSize(Number(raw));
}
