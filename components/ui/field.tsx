import { useId, type ComponentProps, type ReactNode } from 'react';
import { cn } from './cn';

export type ControlSize = 'sm' | 'md' | 'lg';

const controlSizes: Record<ControlSize, string> = {
  sm: 'px-1.5 py-0.5',
  md: 'px-2 py-1.5',
  lg: 'px-3 py-2 text-base',
};

/** One look for every text box and select; a control marked aria-invalid gets a red border. */
function controlClasses(size: ControlSize, className: string | undefined): string {
  return cn(
    'rounded-md border border-slate-300 bg-white text-sm text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/40 disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-red-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100',
    controlSizes[size],
    className,
  );
}

type Sized<T> = T & { size?: ControlSize };

export function Input({ size = 'md', className, ...props }: Sized<Omit<ComponentProps<'input'>, 'size'>>) {
  return <input className={controlClasses(size, className)} {...props} />;
}

export function Select({ size = 'md', className, ...props }: Sized<Omit<ComponentProps<'select'>, 'size'>>) {
  return <select className={controlClasses(size, className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return <textarea className={controlClasses('md', className)} {...props} />;
}

export function Label({ className, ...props }: ComponentProps<'label'>) {
  return <label className={cn('block text-xs font-medium text-slate-700 dark:text-slate-300', className)} {...props} />;
}

/** What a Field hands its control, so the label, help and error reach assistive technology. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/**
 * A label, its control, and optional help and error under it. The control comes from a function of
 * the wiring (id for the label's htmlFor, aria-describedby for help and error, aria-invalid), so any
 * control fits: <Field label="Tag">{(control) => <Input {...control} value={tag} />}</Field>.
 * `describedBy` and `isInvalid` cover notes shown elsewhere (policy findings under a group of fields).
 */
export function Field({
  label,
  description,
  error,
  describedBy,
  isInvalid,
  id: givenId,
  className,
  labelClassName,
  children,
}: {
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  describedBy?: string;
  isInvalid?: boolean;
  id?: string;
  className?: string;
  labelClassName?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const describedByIds = [description ? descriptionId : '', error ? errorId : '', describedBy ?? ''].filter(Boolean).join(' ');
  return (
    <div className={className}>
      <Label htmlFor={id} className={cn('mb-1', labelClassName)}>
        {label}
      </Label>
      {children({ id, 'aria-describedby': describedByIds || undefined, 'aria-invalid': error || isInvalid ? true : undefined })}
      {description ? (
        <p id={descriptionId} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {description}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="mt-1 text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
