import type { RunningSim } from '@/sim/start-sim';

/** What the simulator holds for a service right now: the truth an API test checks after a request. */
export function simService(sim: RunningSim, serviceId: string) {
  const service = sim.world.services.get(serviceId);
  if (!service) throw new Error(`the simulator has no service ${serviceId}`);
  return {
    state: service.state,
    transitioning: service.transitioning,
    launchConfig: structuredClone(service.launchConfig),
    containers: sim.world.containersOf(serviceId).map((c) => ({ id: c.id, state: c.state, image: c.imageUuid, startCount: c.startCount })),
  };
}

/** Polls until the service settles (not transitioning), then returns it. */
export async function settledService(sim: RunningSim, serviceId: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const service = simService(sim, serviceId);
    if (service.transitioning !== 'yes') return service;
    if (Date.now() > deadline) throw new Error(`service ${serviceId} still ${service.state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
