import type { ComponentProps } from 'react';
import { cn } from './cn';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'outline' | 'ghost' | 'link';
export type ButtonSize = 'xs' | 'sm' | 'md' | 'lg' | 'icon';

const variants: Record<Exclude<ButtonVariant, 'link'>, string> = {
  primary: 'bg-brand-600 text-white hover:bg-brand-700',
  secondary: 'ring-1 ring-inset ring-slate-300 hover:bg-slate-100 dark:ring-slate-600 dark:hover:bg-slate-800',
  danger: 'bg-red-700 text-white hover:bg-red-800',
  // On a coloured notice (an alert, a warning banner): outlined in the notice's own text colour.
  outline: 'ring-1 ring-inset ring-current hover:bg-current/10',
  ghost: 'hover:bg-slate-200 dark:hover:bg-slate-800',
};

const sizes: Record<ButtonSize, string> = {
  xs: 'px-2 py-0.5 text-xs',
  sm: 'px-2 py-0.5 text-sm',
  md: 'px-3 py-1.5 text-sm',
  lg: 'px-4 py-2',
  icon: 'px-1.5 text-sm',
};

const focusRing = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600';
const disabledLook = 'disabled:cursor-not-allowed disabled:opacity-50';
// A link's look, for a button that acts in place (load more, show the full line); sized by its text.
const linkLook = 'text-brand-600 underline hover:text-brand-700 dark:text-blue-400 dark:hover:text-blue-300';

/** The classes of a button, for the rare element that must look like one without being a <button>. */
export function buttonClasses({ variant = 'secondary', size = 'md', className }: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  if (variant === 'link') return cn(linkLook, focusRing, disabledLook, className);
  return cn('rounded-md font-medium', variants[variant], sizes[size], focusRing, disabledLook, className);
}

export interface ButtonProps extends ComponentProps<'button'> {
  variant?: ButtonVariant;
  /** Ignored by the link variant, which takes the size of the text around it. */
  size?: ButtonSize;
}

/**
 * The portal's button. `type` defaults to "button", so a button inside a form submits only when it says
 * so; every other prop, `ref` included (React 19), reaches the <button>.
 */
export function Button({ variant = 'secondary', size = 'md', type = 'button', className, ...props }: ButtonProps) {
  return <button type={type} className={buttonClasses({ variant, size, className })} {...props} />;
}
