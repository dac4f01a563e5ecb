import { useId } from 'react';
import { Select } from '@/components/ui/field';

export interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  disabled?: boolean;
  describedBy?: string;
}

/**
 * A select with its label beside it (not around it, so the select's accessible name is the label alone,
 * without its options' text).
 */
export function SelectField<T extends string>({ label, value, options, onChange, disabled, describedBy }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <span className="inline-flex items-center gap-1.5 text-sm">
      <label htmlFor={id}>{label}</label>
      <Select
        id={id}
        size="sm"
        value={value}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(event) => {
          const chosen = options.find((option) => option.value === event.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </span>
  );
}
