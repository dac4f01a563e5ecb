import { describe, expect, it } from 'vitest';
import type { ContainerRecord } from './world-types';
import { serviceHealth, stackHealth } from './health-state';

const c = (state: string, healthState: string | null = null) => ({ state, healthState }) as ContainerRecord;

describe('serviceHealth', () => {
  it.each([
    ['all running', 2, [c('running'), c('running', 'healthy')], 'healthy'],
    ['one of two running', 2, [c('running'), c('stopped')], 'degraded'],
    ['none running', 1, [c('stopped')], 'unhealthy'],
    ['starting health checks', 2, [c('running', 'healthy'), c('running', 'initializing')], 'initializing'],
    ['scale 0', 0, [], 'healthy'],
  ])('%s → %s', (_name, scale, containers, expected) => {
    expect(serviceHealth(scale, containers)).toBe(expected);
  });
});

describe('stackHealth', () => {
  it.each([
    [['healthy', 'healthy'], 'healthy'],
    [[], 'healthy'],
    [['unhealthy', 'unhealthy'], 'unhealthy'],
    [['healthy', 'unhealthy'], 'degraded'],
    [['healthy', 'initializing'], 'initializing'],
    [['degraded', 'healthy'], 'degraded'],
  ])('%j → %s', (states, expected) => {
    expect(stackHealth(states)).toBe(expected);
  });
});
