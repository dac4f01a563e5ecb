import { PULL_IMAGE_LABEL } from '@/lib/domain/policy/rules/latest-requires-pull-always';
import type { UpgradeInput } from '@/lib/domain/upgrade/upgrade-input';

/**
 * A redeploy: an upgrade to the same image that makes every node pull it again. Rancher pulls the image
 * when it upgrades but may reuse a node's cached copy on restart, so a rebuilt `:tag` only arrives this
 * way; the pull label (the one the policy catalog checks) keeps later restarts pulling too.
 *
 * @example redeployUpgrade({ imageUuid: 'docker:nginx:1.27' })
 *   // { launchConfig: { imageUuid: 'docker:nginx:1.27', labels: { 'io.rancher.container.pull_image': 'always' } } }
 */
export function redeployUpgrade(current: Record<string, unknown>): UpgradeInput | null {
  const imageUuid = current.imageUuid;
  if (typeof imageUuid !== 'string' || imageUuid === '') return null;
  const image = imageUuid.startsWith('docker:') ? imageUuid : `docker:${imageUuid}`;
  return { launchConfig: { imageUuid: image, labels: { [PULL_IMAGE_LABEL]: 'always' } } };
}
