import { useId } from 'react';
import type { LogPreferences } from '@/lib/client/logs/log-preferences';
import { type TailSize, tailSizes } from '@/lib/client/logs/log-socket-url';
import type { TimeZoneChoice } from '@/lib/client/logs/log-time';
import { type StreamChoice, streamChoices } from '@/lib/client/logs/log-view';
import { SelectField } from './select-field';
import { Button } from '@/components/ui/button';

// Rancher 1.6 ignores the number asked for and sends about its last 100 lines: the menu says so.
const tailLabels: Record<TailSize, string> = { '100': '100', '500': '500 (Rancher sends ~100)', '1000': '1,000 (Rancher sends ~100)', all: 'All (Rancher sends ~100)' };
const tailOptions = tailSizes.map((value) => ({ value, label: tailLabels[value] }));
const streamLabels: Record<StreamChoice, string> = { all: 'stdout and stderr', stdout: 'stdout only', stderr: 'stderr only' };
const streamOptions = streamChoices.map((value) => ({ value, label: streamLabels[value] }));
const zoneOptions: { value: TimeZoneChoice; label: string }[] = [
  { value: 'local', label: 'Local' },
  { value: 'utc', label: 'UTC' },
  { value: 'relative', label: 'Relative' },
];

export interface LogToolbarProps {
  preferences: LogPreferences;
  streams: StreamChoice;
  onChange: (change: Partial<LogPreferences>) => void;
  isFollowing: boolean;
  onFollowingChange: (isFollowing: boolean) => void;
  onDownload: () => void;
  canDownload: boolean;
}

function Check({ label, checked, onChange, shortcut }: { label: string; checked: boolean; onChange: (checked: boolean) => void; shortcut: string }) {
  return (
    <label className="inline-flex items-center gap-1.5 text-sm" title={`Shortcut: ${shortcut}`}>
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} className="h-4 w-4 accent-brand-600" />
      {label}
    </label>
  );
}

/** The log view's settings: lines to load, streams, follow, stamps, wrap, and the download. */
export function LogToolbar({ preferences, streams, onChange, isFollowing, onFollowingChange, onDownload, canDownload }: LogToolbarProps) {
  const noteId = useId();
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <SelectField label="Lines" value={preferences.tail} options={tailOptions} onChange={(tail) => onChange({ tail })} describedBy={noteId} />
      <SelectField label="Streams" value={streams} options={streamOptions} onChange={(choice) => onChange({ streams: choice })} />
      <Check label="Follow" checked={isFollowing} onChange={onFollowingChange} shortcut="f, or End in the log" />
      <Check label="Timestamps" checked={preferences.timestamps} onChange={(timestamps) => onChange({ timestamps })} shortcut="t" />
      <SelectField label="Time zone" value={preferences.timeZone} options={zoneOptions} disabled={!preferences.timestamps} onChange={(timeZone) => onChange({ timeZone })} />
      <Check label="Wrap lines" checked={preferences.wrap} onChange={(wrap) => onChange({ wrap })} shortcut="w" />
      <Button size="sm" onClick={onDownload} disabled={!canDownload}>
        Download
      </Button>
      <p id={noteId} className="w-full text-xs text-slate-500 dark:text-slate-400">
        Rancher 1.6 sends only about the last 100 lines of a container, whatever number is asked for; newer lines then arrive live.
      </p>
    </div>
  );
}
