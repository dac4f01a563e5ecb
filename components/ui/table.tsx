import type { ComponentProps } from 'react';
import { cn } from './cn';

/**
 * A data table: it scrolls sideways inside its box on a narrow screen instead of widening the page.
 * `className` styles the scrolling box (a border, rounded corners).
 */
export function Table({ className, children, ...props }: ComponentProps<'table'>) {
  return (
    // `relative`: screen-reader-only text (position: absolute) in a far column must scroll with the table, not widen the page.
    <div className={cn('relative overflow-x-auto', className)}>
      <table className="w-full text-left text-sm" {...props}>
        {children}
      </table>
    </div>
  );
}

/** Tables are named for screen readers; the visible heading above usually says the same. */
export function TableCaption({ className, ...props }: ComponentProps<'caption'>) {
  return <caption className={cn('sr-only', className)} {...props} />;
}

export function TableHead({ className, ...props }: ComponentProps<'thead'>) {
  return <thead className={cn('bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-900 dark:text-slate-400', className)} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<'tbody'>) {
  return <tbody className={cn('divide-y divide-slate-200 dark:divide-slate-800', className)} {...props} />;
}

export function TableRow(props: ComponentProps<'tr'>) {
  return <tr {...props} />;
}

/** A column's header (`scope="col"`), or with `scope="row"` the cell that names its row. */
export function TableHeaderCell({ scope = 'col', className, ...props }: ComponentProps<'th'>) {
  return <th scope={scope} className={cn('px-4 py-2', className)} {...props} />;
}

export function TableCell({ className, ...props }: ComponentProps<'td'>) {
  return <td className={cn('px-4 py-2', className)} {...props} />;
}
