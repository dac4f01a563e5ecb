import type { Right } from '@/lib/domain/access/rights';

interface TabSpec {
  id: string;
  label: string;
  /** The right a person needs to see the tab. */
  right?: Right;
  /** The key that opens it (components/layout/keyboard-shortcuts.tsx), and what the key list says. */
  shortcut?: { key: string; label: string };
}

const tabs = [
  { id: 'overview', label: 'Overview' },
  { id: 'config', label: 'Configuration' },
  { id: 'resources', label: 'Resources' },
  { id: 'upgrade', label: 'Upgrade', right: 'upgrade', shortcut: { key: 'u', label: 'Upgrade the service' } },
  { id: 'logs', label: 'Logs', right: 'logs', shortcut: { key: 'l', label: 'Open the logs' } },
  { id: 'shell', label: 'Shell', right: 'shell', shortcut: { key: 's', label: 'Open a shell' } },
  { id: 'activity', label: 'Activity' },
] as const satisfies readonly TabSpec[];

export type ServiceTab = (typeof tabs)[number]['id'];
export const serviceTabs: readonly (TabSpec & { id: ServiceTab })[] = tabs;

export function parseServiceTab(value: string | string[] | undefined): ServiceTab {
  return serviceTabs.find((t) => t.id === value)?.id ?? 'overview';
}
