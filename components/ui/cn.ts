import { clsx, type ClassValue } from 'clsx';
import { twMerge } from 'tailwind-merge';

/**
 * Joins class names (clsx: strings, conditionals, arrays) and resolves Tailwind conflicts so the later
 * utility wins: `cn('px-3', 'px-2')` is `px-2`. That lets a primitive's `className` override its
 * variant (a pill shape, a wider input) instead of leaving the winner to the stylesheet's order.
 * It sits in components/ui, not lib/, because only components style markup.
 */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
