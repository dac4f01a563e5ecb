import { describe, expect, it } from 'vitest';
import { cn } from './cn';

describe('cn', () => {
  it('joins class names and drops falsy ones', () => {
    expect(cn('text-sm', false, null, undefined, ['font-medium', { underline: true, italic: false }])).toBe('text-sm font-medium underline');
  });

  it('lets a later utility override an earlier one of the same kind', () => {
    expect(cn('rounded-md px-3 py-1.5', 'rounded-full px-2')).toBe('py-1.5 rounded-full px-2');
    expect(cn('bg-brand-600 hover:bg-brand-700', 'bg-red-700')).toBe('hover:bg-brand-700 bg-red-700');
  });

  it('keeps utilities of different variants apart', () => {
    expect(cn('text-brand-600 dark:text-blue-400', 'text-slate-400')).toBe('dark:text-blue-400 text-slate-400');
  });
});
