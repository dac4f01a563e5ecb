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

const NUMBER = /^\d+$/;

/** YAML may give a number (`user: 1000`): it is read as its decimal text. */
export function parseUserSpec(value: string | number): UserSpecResult {
  const raw = String(value).trim();
  const m = /^([^:]+)(?::([^:]+))?$/.exec(raw);
  if (!m) return { ok: false, reason: `"${raw}" is not user, uid, uid:gid or name:group` };
  const user = (m[1] as string).trim();
  const group = m[2] === undefined ? null : m[2].trim();
  const uid = NUMBER.test(user) ? Number(user) : null;
  const gid = group !== null && NUMBER.test(group) ? Number(group) : null;
  return { ok: true, spec: { raw, user, group, uid, gid, isRoot: uid === 0 || user === 'root' } };
}
