import { startDemoLdap } from '@/demo/ldap-server';
import { startSim, type RunningSim, type SimOptions } from '@/sim/start-sim';
import { productionEnv, startPortalProcess, type PortalProcess } from './portal-process';

export interface PortalWorld {
  sim: RunningSim;
  portal: PortalProcess;
  close(): Promise<void>;
}

/**
 * A portal process in production mode against a simulator and a demo directory that this test process
 * owns, so the test can turn the simulator's fault knobs while the portal runs.
 */
export async function startPortalWorld(simOptions: SimOptions = {}, portalEnv: Record<string, string> = {}): Promise<PortalWorld> {
  const sim = await startSim({ stepMs: 20, ...simOptions });
  const ldap = await startDemoLdap({ port: 0 });
  const settings = productionEnv({ rancherUrl: sim.url, accessKey: sim.accessKey, secretKey: sim.secretKey, ldapUrl: ldap.url });
  const portal = await startPortalProcess((port) => ({ ...settings(port), ...portalEnv }));
  return {
    sim,
    portal,
    close: async () => {
      await portal.stop();
      await ldap.close();
      await sim.close();
    },
  };
}

/** Resident memory of a process in bytes (Linux). */
export async function residentBytes(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb * 1024;
}
