import { clsx } from 'clsx';
import { tagClasses } from './ansi-classes';

export interface ContainerChip {
  id: string;
  name: string;
  colour: number;
}

/** The containers of a merged view, each a checkbox in its tag colour; the last one cannot be unticked. */
export function ContainerChips({ chips, selected, onToggle }: { chips: ContainerChip[]; selected: ReadonlySet<string>; onToggle: (id: string) => void }) {
  return (
    <fieldset className="flex flex-wrap items-center gap-2">
      <legend className="sr-only">Containers</legend>
      <span aria-hidden className="text-sm text-slate-600 dark:text-slate-400">
        Containers
      </span>
      {chips.map((chip) => {
        const isOn = selected.has(chip.id);
        return (
          <label
            key={chip.id}
            className={clsx(
              'inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 font-mono text-xs ring-1 ring-inset',
              isOn ? 'bg-slate-100 ring-slate-400 dark:bg-slate-800 dark:ring-slate-500' : 'ring-slate-300 dark:ring-slate-700',
              tagClasses[chip.colour],
            )}
          >
            <input type="checkbox" checked={isOn} disabled={isOn && selected.size === 1} onChange={() => onToggle(chip.id)} className="h-3.5 w-3.5" />
            {chip.name}
          </label>
        );
      })}
    </fieldset>
  );
}
