import 'server-only';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

/**
 * Demo mode (no RANCHER_URL): where the embedded simulator and directory listen, and how fast the
 * simulator's state machines step. DESIGN.md fixes the default ports.
 */
export const demoEnvSchema = z.object({
  DEMO_SIM_PORT: port.default(18080),
  DEMO_LDAP_PORT: port.default(13389),
  DEMO_STEP_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  DATA_DIR: z.string().min(1).default('.data'),
});

export type DemoEnv = z.output<typeof demoEnvSchema>;

/** Demo mode is on when no Rancher server is configured. */
export function isDemoMode(source: Record<string, string | undefined>): boolean {
  return !source.RANCHER_URL;
}

export const demoDirectory = {
  baseDn: 'dc=nersc,dc=gov',
  userDnTemplate: 'uid={uid},ou=people,dc=nersc,dc=gov',
  staffGroup: 'isg',
  password: 'spin-demo',
  logins: [
    { uid: 'fred', role: 'owner of foo-jgi-doe and bar-nersc' },
    { uid: 'barney', role: 'member of csg, may operate foo-jgi-doe' },
    { uid: 'dino', role: 'owner of genome-browser and crashy-nersc' },
    { uid: 'wilma', role: 'staff (isg): every stack' },
    { uid: 'pebbles', role: 'no stacks' },
  ],
} as const;

export const demoRancherKeys = { accessKey: 'SPINDEMOACCESSKEY', secretKey: 'spin-demo-secret' } as const;
