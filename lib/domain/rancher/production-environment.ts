/**
 * Whether a Rancher environment is production: one of `productionProjectIds` when any are configured
 * (RANCHER_PRODUCTION_PROJECT_IDS), else any whose name starts with `prod`.
 */
export function isProductionEnvironment(project: { id: string; name: string }, productionProjectIds: readonly string[] | undefined): boolean {
  return productionProjectIds?.length ? productionProjectIds.includes(project.id) : /^prod/i.test(project.name);
}
