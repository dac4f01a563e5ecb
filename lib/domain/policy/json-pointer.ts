/** RFC 6901 escaping: label keys and environment names may contain `/` and `~`. */
export function escapePointerSegment(segment: string | number): string {
  const s = String(segment);
  return s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s;
}

/** Joins segments onto a base pointer (`''` is the whole document). */
export function pointer(base: string, ...segments: readonly (string | number)[]): string {
  let out = base;
  for (const s of segments) out += `/${escapePointerSegment(s)}`;
  return out;
}

export function parsePointer(p: string): string[] {
  if (p === '') return [];
  return p
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Orders pointers segment by segment, numbers numerically, so `/x/2` comes before `/x/10`. */
export function comparePointers(a: string, b: string): number {
  return compareSegments(parsePointer(a), parsePointer(b));
}

/** `comparePointers` on already split pointers, for sorting many findings. */
export function compareSegments(pa: readonly string[], pb: readonly string[]): number {
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = pa[i] as string;
    const y = pb[i] as string;
    if (x === y) continue;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}
