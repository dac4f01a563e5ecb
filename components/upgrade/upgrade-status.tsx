import { clsx } from 'clsx';
import type { StatusText } from '@/lib/domain/upgrade/upgrade-status-text';

const tones: Record<StatusText['tone'], string> = {
  idle: 'hidden',
  busy: 'border-sky-600 bg-sky-50 text-sky-900 dark:bg-sky-950 dark:text-sky-200',
  ok: 'border-emerald-600 bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200',
  warn: 'border-amber-600 bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  bad: 'border-red-600 bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200',
};
const icons: Record<StatusText['tone'], string> = { idle: '', busy: '◐', ok: '●', warn: '▲', bad: '✕' };

/** The panel's live region: always in the page (so screen readers hear each change), hidden when empty. */
export function UpgradeStatus({ status }: { status: StatusText }) {
  return (
    <div role="status" aria-live="polite" data-testid="upgrade-status" className={clsx('rounded-md border-l-4 px-3 py-2 text-sm', tones[status.tone])}>
      {status.text ? (
        <>
          <span aria-hidden>{icons[status.tone]} </span>
          {status.text}
        </>
      ) : null}
    </div>
  );
}
