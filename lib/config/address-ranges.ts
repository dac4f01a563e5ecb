import 'server-only';
import { BlockList, isIP } from 'node:net';

/** One CIDR range, e.g. `10.42.0.0/16` or `fd00::/8`. */
export interface AddressRange {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

/** Parses a comma-separated list of CIDR ranges; a bare address is a range of one. */
export function parseAddressRanges(text: string): { ok: true; ranges: AddressRange[] } | { ok: false; message: string } {
  const ranges: AddressRange[] = [];
  for (const item of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [address = '', prefixText] = item.split('/');
    const version = isIP(address);
    if (version === 0) return { ok: false, message: `"${item}" is not an address range like 10.42.0.0/16` };
    const max = version === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (!/^\d+$/.test(prefixText ?? String(max)) || prefix > max) return { ok: false, message: `"${item}": the prefix length must be 0 to ${max}` };
    ranges.push({ address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' });
  }
  return { ok: true, ranges };
}

/** Whether `address` (as the socket or X-Forwarded-For gives it, IPv4-mapped IPv6 included) is in a range. */
export function isInRanges(address: string, ranges: readonly AddressRange[]): boolean {
  const plain = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  const version = isIP(plain);
  if (version === 0 || ranges.length === 0) return false;
  const list = new BlockList();
  for (const range of ranges) list.addSubnet(range.address, range.prefix, range.family);
  return list.check(plain, version === 4 ? 'ipv4' : 'ipv6');
}
