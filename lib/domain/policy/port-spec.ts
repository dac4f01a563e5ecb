export interface PortRange {
  start: number;
  end: number;
}

export type PortProtocol = 'tcp' | 'udp' | 'sctp';

/** One `ports` entry: `[[ip:]host:]container[/proto]`, either side possibly a range. */
export interface PortMapping {
  raw: string;
  hostIp: string | null;
  /** Null when only the container side is given: Rancher picks the host port. */
  host: PortRange | null;
  container: PortRange;
  protocol: PortProtocol;
}

export type PortMappingResult = { ok: true; mapping: PortMapping } | { ok: false; reason: string };

function parseRange(s: string, what: string): PortRange | string {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(s);
  if (!m) return `${what} "${s}" is not a port or a port range`;
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  if (start < 1 || end > 65535) return `${what} ${s} is outside 1-65535`;
  if (end < start) return `${what} range ${s} ends before it starts`;
  return { start, end };
}

/** Splits `ip:host:container`, with an optional bracketed IPv6 address in front. */
function splitAddress(s: string): string[] | string {
  if (s.startsWith('[')) {
    const close = s.indexOf(']');
    if (close < 0 || s[close + 1] !== ':') return `"${s}" has an unterminated IPv6 address`;
    const rest = s.slice(close + 2).split(':');
    if (rest.length !== 2) return `"${s}" needs host and container ports after the address`;
    return [s.slice(1, close), ...rest];
  }
  const parts = s.split(':');
  if (parts.length > 3) return `"${s}" has too many ':' (write an IPv6 address in brackets)`;
  return parts;
}

/**
 * Parses one compose short-syntax or launchConfig port. Docker accepts a host range with a single
 * container port (it picks one host port from the range); two ranges must have the same length.
 */
export function parsePortMapping(value: string | number): PortMappingResult {
  const raw = String(value).trim();
  let body = raw;
  let protocol: PortProtocol = 'tcp';
  const slash = raw.lastIndexOf('/');
  if (slash >= 0) {
    const proto = raw.slice(slash + 1).toLowerCase();
    if (proto !== 'tcp' && proto !== 'udp' && proto !== 'sctp') return { ok: false, reason: `unknown protocol "${proto}"` };
    protocol = proto;
    body = raw.slice(0, slash);
  }
  const parts = splitAddress(body);
  if (typeof parts === 'string') return { ok: false, reason: parts };
  const containerText = parts[parts.length - 1] ?? '';
  const hostText = parts.length >= 2 ? (parts[parts.length - 2] ?? '') : '';
  const hostIp = parts.length === 3 ? (parts[0] ?? '') || null : null;

  const container = parseRange(containerText, 'container port');
  if (typeof container === 'string') return { ok: false, reason: container };
  let host: PortRange | null = null;
  if (hostText !== '') {
    const h = parseRange(hostText, 'host port');
    if (typeof h === 'string') return { ok: false, reason: h };
    const hostLen = h.end - h.start;
    const containerLen = container.end - container.start;
    if (containerLen > 0 && hostLen !== containerLen) {
      return { ok: false, reason: `host range ${hostText} and container range ${containerText} differ in length` };
    }
    host = h;
  } else if (parts.length === 2) {
    return { ok: false, reason: `"${raw}" has an empty host port` };
  }
  return { ok: true, mapping: { raw, hostIp, host, container, protocol } };
}

export function formatRange(r: PortRange): string {
  return r.start === r.end ? String(r.start) : `${r.start}-${r.end}`;
}

/** A port bound to 127.0.0.0/8 or ::1 is reachable only from the Spin host itself, not through its firewall. */
export function isLoopback(hostIp: string | null): boolean {
  return hostIp !== null && (hostIp === '::1' || hostIp === 'localhost' || /^127\./.test(hostIp));
}
