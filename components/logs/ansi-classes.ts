import type { CSSProperties } from 'react';
import { type AnsiStyle, paletteHex } from '@/lib/client/logs/ansi-sgr';

// The 16 basic ANSI colours as Tailwind classes with light and dark variants, chosen to stay readable
// on both backgrounds (a literal black or white would vanish on one of them). Indexes 16–255 and
// true colours are exact and go in a style attribute.
const foreground = [
  'text-slate-700 dark:text-slate-400',
  'text-red-700 dark:text-red-400',
  'text-green-700 dark:text-green-400',
  'text-yellow-700 dark:text-yellow-300',
  'text-blue-700 dark:text-blue-400',
  'text-fuchsia-700 dark:text-fuchsia-400',
  'text-cyan-700 dark:text-cyan-400',
  'text-slate-500 dark:text-slate-200',
  'text-slate-500 dark:text-slate-500',
  'text-red-600 dark:text-red-300',
  'text-green-600 dark:text-green-300',
  'text-yellow-600 dark:text-yellow-200',
  'text-blue-600 dark:text-blue-300',
  'text-fuchsia-600 dark:text-fuchsia-300',
  'text-cyan-600 dark:text-cyan-300',
  'text-slate-400 dark:text-white',
];

const background = [
  'bg-slate-300 dark:bg-slate-700',
  'bg-red-200 dark:bg-red-900',
  'bg-green-200 dark:bg-green-900',
  'bg-yellow-200 dark:bg-yellow-900',
  'bg-blue-200 dark:bg-blue-900',
  'bg-fuchsia-200 dark:bg-fuchsia-900',
  'bg-cyan-200 dark:bg-cyan-900',
  'bg-slate-100 dark:bg-slate-600',
  'bg-slate-400 dark:bg-slate-600',
  'bg-red-300 dark:bg-red-800',
  'bg-green-300 dark:bg-green-800',
  'bg-yellow-300 dark:bg-yellow-800',
  'bg-blue-300 dark:bg-blue-800',
  'bg-fuchsia-300 dark:bg-fuchsia-800',
  'bg-cyan-300 dark:bg-cyan-800',
  'bg-white dark:bg-slate-500',
];

/** Container tag colours of a merged view, one per slot of tagColourIndex. */
export const tagClasses = [
  'text-sky-700 dark:text-sky-300',
  'text-emerald-700 dark:text-emerald-300',
  'text-violet-700 dark:text-violet-300',
  'text-amber-700 dark:text-amber-300',
  'text-rose-700 dark:text-rose-300',
  'text-teal-700 dark:text-teal-300',
  'text-indigo-700 dark:text-indigo-300',
  'text-lime-700 dark:text-lime-300',
];

function colourCss(colour: number | string): string {
  return typeof colour === 'string' ? colour : paletteHex(colour);
}

/** The classes and inline style of an ANSI style. */
export function ansiPresentation(style: AnsiStyle): { className: string; css: CSSProperties | undefined } {
  const classes: string[] = [];
  const css: CSSProperties = {};
  const [fg, bg] = style.inverse ? [style.bg ?? 7, style.fg ?? 0] : [style.fg, style.bg];
  if (typeof fg === 'number' && fg < 16) classes.push(foreground[fg] ?? '');
  else if (fg !== undefined) css.color = colourCss(fg);
  if (typeof bg === 'number' && bg < 16) classes.push(background[bg] ?? '');
  else if (bg !== undefined) css.backgroundColor = colourCss(bg);
  if (style.bold) classes.push('font-bold');
  if (style.dim) classes.push('opacity-70');
  if (style.italic) classes.push('italic');
  if (style.underline) classes.push('underline');
  if (style.strike) classes.push('line-through');
  return { className: classes.join(' '), css: Object.keys(css).length > 0 ? css : undefined };
}
