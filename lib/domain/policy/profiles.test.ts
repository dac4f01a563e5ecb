import { describe, expect, it } from 'vitest';
import { classifyRange, firewallClass, profiles } from './profiles';

describe('firewall classes', () => {
  const p18 = profiles['2018-10'];
  const p19 = profiles['2019-05'];
  it.each([
    [60000, 'public', 'public'],
    [8443, 'public', 'public'],
    [4873, 'nersc', 'nersc-lbl'],
    [5672, 'nersc-lbl', 'nersc'],
    [50025, 'nersc-lbl', 'nersc'],
    [27017, 'closed', 'nersc-lbl'],
    [55050, 'closed', 'nersc-lbl'],
    [9000, 'closed', 'closed'],
  ])('port %i is %s in 2018 and %s in 2019', (port, c18, c19) => {
    expect(firewallClass(p18, port, 'tcp')).toBe(c18);
    expect(firewallClass(p19, port, 'tcp')).toBe(c19);
  });

  it('closes UDP', () => expect(firewallClass(p19, 60000, 'udp')).toBe('closed'));

  it('groups a range into runs of one class', () => {
    expect(classifyRange(p19, { start: 60049, end: 60052 }, 'tcp')).toEqual([
      { range: { start: 60049, end: 60050 }, cls: 'public' },
      { range: { start: 60051, end: 60052 }, cls: 'closed' },
    ]);
  });
});
