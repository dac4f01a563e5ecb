import { describe, expect, it } from 'vitest';
import { RowHeightMemory } from './row-height-memory';

describe('RowHeightMemory', () => {
  it('remembers heights per context and says when a measurement is news', () => {
    const memory = new RowHeightMemory();
    expect(memory.set('800/ts', 1, 40)).toBe(true);
    expect(memory.set('800/ts', 1, 40)).toBe(false);
    expect(memory.get('800/ts', 1)).toBe(40);
    expect(memory.set('800/ts', 1, 60)).toBe(true);
    expect(memory.get('800/ts', 1)).toBe(60);
  });

  it('forgets everything when the context changes', () => {
    const memory = new RowHeightMemory();
    memory.set('800/ts', 1, 40);
    expect(memory.get('600/ts', 1)).toBeUndefined();
    memory.set('600/ts', 2, 80);
    expect(memory.get('800/ts', 1)).toBeUndefined();
    expect(memory.get('600/ts', 2)).toBe(80);
  });

  it('starts over past its limit', () => {
    const memory = new RowHeightMemory(3);
    for (let seq = 1; seq <= 3; seq++) memory.set('c', seq, 20 * seq);
    memory.set('c', 4, 80);
    expect(memory.get('c', 1)).toBeUndefined();
    expect(memory.get('c', 4)).toBe(80);
  });
});
