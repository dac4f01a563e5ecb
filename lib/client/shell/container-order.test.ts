import { describe, expect, it } from 'vitest';
import { initialContainer, orderContainers } from './container-order';

const containers = [
  { id: '1', name: 'app-1', state: 'stopped' },
  { id: '2', name: 'app-2', state: 'running' },
  { id: '3', name: 'app-3', state: 'restarting' },
  { id: '4', name: 'app-4', state: 'running' },
];

describe('container order', () => {
  it('puts running containers first and keeps the given order within each group', () => {
    expect(orderContainers(containers).map((c) => c.id)).toEqual(['2', '4', '1', '3']);
  });

  it('opens the asked-for container when it exists, even if it is not running', () => {
    expect(initialContainer(containers, '3')?.id).toBe('3');
  });

  it('otherwise opens the first running container', () => {
    expect(initialContainer(containers, 'gone')?.id).toBe('2');
    expect(initialContainer(containers)?.id).toBe('2');
  });

  it('opens nothing when there is nothing to open', () => {
    expect(initialContainer([])).toBeUndefined();
  });
});
