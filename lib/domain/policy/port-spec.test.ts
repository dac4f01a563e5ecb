import { describe, expect, it } from 'vitest';
import { parsePortMapping, type PortMapping } from './port-spec';

function map(v: string | number): PortMapping {
  const r = parsePortMapping(v);
  if (!r.ok) throw new Error(r.reason);
  return r.mapping;
}

describe('parsePortMapping', () => {
  it.each([
    ['3000', null, null, [3000, 3000], 'tcp'],
    [8080, null, null, [8080, 8080], 'tcp'],
    ['3000-3005', null, null, [3000, 3005], 'tcp'],
    ['8000:8000', null, [8000, 8000], [8000, 8000], 'tcp'],
    ['9090-9091:8080-8081', null, [9090, 9091], [8080, 8081], 'tcp'],
    ['60000:8080/tcp', null, [60000, 60000], [8080, 8080], 'tcp'],
    ['127.0.0.1:8001:8001', '127.0.0.1', [8001, 8001], [8001, 8001], 'tcp'],
    ['127.0.0.1::5000', '127.0.0.1', null, [5000, 5000], 'tcp'],
    ['6060:6060/UDP', null, [6060, 6060], [6060, 6060], 'udp'],
    ['53/udp', null, null, [53, 53], 'udp'],
    ['[::1]:6000:6001', '::1', [6000, 6000], [6001, 6001], 'tcp'],
    ['60000-60010:80', null, [60000, 60010], [80, 80], 'tcp'],
  ])('%j', (v, ip, host, container, proto) => {
    const m = map(v);
    expect(m.hostIp).toBe(ip);
    expect(m.host ? [m.host.start, m.host.end] : null).toEqual(host);
    expect([m.container.start, m.container.end]).toEqual(container);
    expect(m.protocol).toBe(proto);
  });

  it.each(['', 'abc', '80:', ':80', '70000:80', '80:0', '9000-9001:80-82', '80/icmp', '1:2:3:4', '5-3:1', '[::1:80:80'])(
    'rejects %j',
    (v) => {
      expect(parsePortMapping(v).ok).toBe(false);
    },
  );
});
