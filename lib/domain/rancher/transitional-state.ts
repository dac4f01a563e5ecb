/**
 * Rancher's states that mean "something is happening" (cattle's process states): a resource in one of
 * them is moving and settles soon. `running` ends in -ing too, but is a steady state.
 */
const transitional = new Set([
  'activating',
  'deactivating',
  'restarting',
  'upgrading',
  'finishing-upgrade',
  'rolling-back',
  'canceling-upgrade',
  'removing',
  'purging',
  'updating-active',
  'updating-inactive',
  'registering',
  'creating',
  'requested',
  'starting',
  'stopping',
  'migrating',
  'updating-running',
  'updating-stopped',
  'initializing',
  'reinitializing',
]);

export function isTransitional(state: string): boolean {
  return transitional.has(state);
}

/** A service upgraded and waiting for Finish or Roll back: steady, but not done. */
export const awaitingFinishState = 'upgraded';
