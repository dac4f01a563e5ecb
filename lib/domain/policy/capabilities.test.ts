import { describe, expect, it } from 'vitest';
import { DOCKER_DEFAULT_CAPS, effectiveCapabilities, normaliseCapability } from './capabilities';

describe('capabilities', () => {
  it.each([
    ['net_admin', 'NET_ADMIN'],
    ['CAP_SYS_ADMIN', 'SYS_ADMIN'],
    [' cap_chown ', 'CHOWN'],
    ['All', 'ALL'],
  ])('normalises %j', (raw, cap) => expect(normaliseCapability(raw)).toBe(cap));

  it('keeps the defaults unless dropped', () => {
    expect([...effectiveCapabilities([], [], false)].sort()).toEqual([...DOCKER_DEFAULT_CAPS].sort());
    expect(effectiveCapabilities([], ['NET_RAW'], false).has('NET_RAW')).toBe(false);
  });

  it('starts from nothing after dropping ALL', () => {
    expect([...effectiveCapabilities(['NET_BIND_SERVICE'], ['ALL'], false)]).toEqual(['NET_BIND_SERVICE']);
  });

  it('grants everything when privileged', () => {
    expect(effectiveCapabilities([], ['ALL'], true).has('SYS_ADMIN')).toBe(true);
  });
});
