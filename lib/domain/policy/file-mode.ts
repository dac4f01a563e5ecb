/** Rancher mounts a secret 0444 when no mode is given. */
export const RANCHER_DEFAULT_SECRET_MODE = 0o444;

/** Secret file modes: text is octal (`'0400'`, `'400'`); a number is the mode's value (256 = 0o400). */
export function parseMode(v: unknown): number | null | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 && v <= 0o7777 ? v : undefined;
  if (typeof v === 'string' && /^[0-7]{1,4}$/.test(v.trim())) return parseInt(v.trim(), 8);
  return v === null || v === undefined ? null : undefined;
}

export function octal(mode: number): string {
  return `0${mode.toString(8).padStart(3, '0')}`;
}
