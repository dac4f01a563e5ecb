import { describe, expect, it } from 'vitest';
import { shownServiceHealth, shownStackHealth } from './shown-health';

describe('shown health', () => {
  it('shows a service stopped on purpose as stopped, not unhealthy', () => {
    expect(shownServiceHealth({ state: 'inactive', healthState: 'unhealthy' })).toBe('stopped');
    expect(shownServiceHealth({ state: 'active', healthState: 'unhealthy' })).toBe('unhealthy');
  });

  it('does not call a stack degraded for a service stopped on purpose', () => {
    const services = [
      { state: 'active', healthState: 'healthy' },
      { state: 'inactive', healthState: 'unhealthy' },
    ];
    expect(shownStackHealth({ healthState: 'degraded', services })).toBe('healthy');
  });

  it('keeps Rancher’s word when a service meant to run is in trouble, and says stopped when all are', () => {
    expect(shownStackHealth({ healthState: 'degraded', services: [{ state: 'active', healthState: 'unhealthy' }, { state: 'inactive', healthState: 'unhealthy' }] })).toBe('degraded');
    expect(shownStackHealth({ healthState: 'unhealthy', services: [{ state: 'inactive', healthState: 'unhealthy' }] })).toBe('stopped');
  });
});
