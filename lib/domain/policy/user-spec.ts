/** A container `user`: name, uid, `uid:gid` or `name:group`. */
export interface UserSpec {
  raw: string;
  user: string;
  group: string | null;
  /** Numeric uid when `user` is a number, else null. */
  uid: number | null;
  gid: number | null;
  isRoot: boolean;
}

export type UserSpecResult = { ok: true; spec: UserSpec } | { ok: false; reason: string };

/** runc reads ids with Go's Atoi, which takes a sign: `+0` and `-0` are root too. */
const NUMBER = /^[+-]?\d+$/;

/** YAML may give a number (`user: 1000`): it is read as its decimal text. */
export function parseUserSpec(value: string | number): UserSpecResult {
  const raw = String(value).trim();
  const m = /^([^:]+)(?::([^:]+))?$/.exec(raw);
  if (!m) return { ok: false, reason: `"${raw}" is not user, uid, uid:gid or name:group` };
  const user = (m[1] as string).trim();
  const group = m[2] === undefined ? null : m[2].trim();
  // `+ 0` makes -0 a plain 0.
  const uid = NUMBER.test(user) ? Number(user) + 0 : null;
  const gid = group !== null && NUMBER.test(group) ? Number(group) + 0 : null;
  return { ok: true, spec: { raw, user, group, uid, gid, isRoot: uid === 0 || user === 'root' } };
}
