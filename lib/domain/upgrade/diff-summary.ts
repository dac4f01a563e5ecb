import type { AuditChange } from '@/lib/domain/audit/upgrade-diff';
import { splitImage } from './image-parts';

const verbs: Record<AuditChange['op'], string> = { add: 'added', remove: 'removed', replace: 'changed' };

/** Words for the launchConfig fields people know by another name. */
const fieldWords: Record<string, string> = { imageUuid: 'image', environment: 'env', labels: 'label', capAdd: 'cap_add', capDrop: 'cap_drop', dataVolumes: 'volumes', entryPoint: 'entrypoint', workingDir: 'working dir', stdinOpen: 'stdin open' };

function segments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * How a diff row names its field: `/environment/DEBUG` is "env DEBUG", `/imageUuid` is "image".
 *
 * @example changeLabel('/labels/io.rancher.container.pull_image') // 'label io.rancher.container.pull_image'
 */
export function changeLabel(pointer: string): string {
  const [field = '', ...rest] = segments(pointer);
  return [fieldWords[field] ?? field, ...rest].join(' ');
}

/** A value as the preview prints it: strings bare (the image without Rancher's `docker:`), the rest as JSON. */
export function formatDiffValue(pointer: string, value: unknown): string {
  if (typeof value === 'string') return pointer === '/imageUuid' ? value.replace(/^docker:/, '') : value;
  return JSON.stringify(value);
}

function imagePhrase(change: AuditChange): string {
  const before = typeof change.before === 'string' ? splitImage(change.before) : null;
  const after = typeof change.after === 'string' ? splitImage(change.after) : null;
  if (before && after && before.image === after.image) return `image ${before.tag || 'latest'} → ${after.tag || 'latest'}`;
  return `image ${formatDiffValue('/imageUuid', change.before)} → ${formatDiffValue('/imageUuid', change.after)}`;
}

/**
 * The preview's one-line summary of an upgrade, in the order of the diff.
 *
 * @example summarizeChanges([{ path: '/imageUuid', op: 'replace', before: 'docker:nginx:1.25', after: 'docker:nginx:1.27' }, { path: '/environment/DEBUG', op: 'remove', before: '1' }])
 *   // 'image 1.25 → 1.27; env DEBUG removed'
 */
export function summarizeChanges(changes: readonly AuditChange[]): string {
  if (changes.length === 0) return 'no change';
  return changes.map((c) => (c.path === '/imageUuid' && c.op === 'replace' ? imagePhrase(c) : `${changeLabel(c.path)} ${verbs[c.op]}`)).join('; ');
}
