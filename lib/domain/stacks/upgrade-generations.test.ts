import { describe, expect, it } from 'vitest';
import { upgradeGenerations } from './upgrade-generations';

const c = (id: string, name: string, createdAt: string, image: string | null) => ({ id, name, createdAt, image });

describe('upgradeGenerations', () => {
  it('calls the younger of two same-named containers new and the other old', () => {
    const labels = upgradeGenerations(
      [c('1i1', 'web-1', '2026-12-01T00:00:00Z', 'nginx:1.25'), c('1i9', 'web-1', '2026-12-07T10:00:00Z', 'nginx:1.27'), c('1i2', 'web-2', '2026-12-01T00:00:00Z', 'nginx:1.25'), c('1i8', 'web-2', '2026-12-07T10:00:00Z', 'nginx:1.27')],
      'nginx:1.27',
      true,
    );
    expect(Object.fromEntries(labels)).toEqual({ '1i1': 'old', '1i9': 'new', '1i2': 'old', '1i8': 'new' });
  });

  it('tells a lone container by its image, even when the upgrade changed only the environment of its twin', () => {
    const labels = upgradeGenerations([c('1i1', 'web-1', '2026-12-01T00:00:00Z', 'nginx:1.25'), c('1i9', 'web-1-new', '2026-12-07T10:00:00Z', 'nginx:1.27')], 'nginx:1.27', true);
    expect(Object.fromEntries(labels)).toEqual({ '1i1': 'old', '1i9': 'new' });
  });

  it('labels nothing outside an upgrade', () => {
    expect(upgradeGenerations([c('1i1', 'web-1', '2026-12-01T00:00:00Z', 'nginx:1.25')], 'nginx:1.25', false).size).toBe(0);
  });
});
