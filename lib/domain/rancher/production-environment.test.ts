import { describe, expect, it } from 'vitest';
import { isProductionEnvironment } from './production-environment';

describe('isProductionEnvironment', () => {
  it('goes by the name when no production ids are configured', () => {
    expect(isProductionEnvironment({ id: '1a5', name: 'prod-cattle' }, undefined)).toBe(true);
    expect(isProductionEnvironment({ id: '1a7', name: 'dev-cattle' }, [])).toBe(false);
  });

  it('goes by the configured ids only when there are some', () => {
    expect(isProductionEnvironment({ id: '1a7', name: 'dev-cattle' }, ['1a7'])).toBe(true);
    expect(isProductionEnvironment({ id: '1a5', name: 'prod-cattle' }, ['1a7'])).toBe(false);
  });
});
