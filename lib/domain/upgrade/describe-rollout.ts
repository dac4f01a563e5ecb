import type { UpgradeInput } from '@/lib/domain/upgrade/upgrade-input';

/**
 * The rollout in one sentence for the preview, with Rancher 1.6's defaults where the form left a field
 * empty (batch size 1, 2 s between batches, stop before start).
 *
 * @example describeRollout({ launchConfig: {}, batchSize: 2, intervalMillis: 5000, startFirst: true }, 4)
 *   // 'Rancher replaces 2 of the 4 containers at a time, 5 s apart, starting each new one before stopping the old one.'
 */
export function describeRollout(input: Pick<UpgradeInput, 'batchSize' | 'intervalMillis' | 'startFirst'>, scale: number): string {
  const batch = Math.min(input.batchSize ?? 1, Math.max(scale, 1));
  const seconds = (input.intervalMillis ?? 2000) / 1000;
  const count = scale === 1 ? 'the container' : batch === 1 ? `the ${scale} containers one at a time` : `${batch} of the ${scale} containers at a time`;
  const what = scale === 1 ? `Rancher replaces ${count}` : `Rancher replaces ${count}, ${seconds} s apart`;
  const order = input.startFirst ? 'starting each new one before stopping the old one' : 'stopping each old one before starting the new one';
  return `${what}, ${order}.`;
}
