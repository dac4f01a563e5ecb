/** Poll fast while Rancher is moving something (transitional states), slowly otherwise (ux.md L1). */
export const busyRefetchMs = 1_000;
export const idleRefetchMs = 5_000;

export function refetchWhileBusy(isBusy: boolean | undefined): number {
  return isBusy ? busyRefetchMs : idleRefetchMs;
}
