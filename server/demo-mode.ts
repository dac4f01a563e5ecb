import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { demoDirectory, demoEnvSchema, demoRancherKeys, type DemoEnv } from '@/lib/config/demo-env';
import { startDemoLdap } from '@/demo/ldap-server';
import { startSim } from '@/sim/start-sim';

const secretsSchema = z.object({ NEXTAUTH_SECRET: z.string().min(32) });

/**
 * Demo secrets are generated once and kept in the data folder, so sessions survive a restart; the
 * folder is git-ignored and the file readable by its owner only.
 */
export function loadOrCreateDemoSecrets(dataDir: string): z.output<typeof secretsSchema> {
  const file = join(dataDir, 'demo-secrets.json');
  try {
    return secretsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const secrets = { NEXTAUTH_SECRET: randomBytes(32).toString('base64url') };
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
    return secrets;
  }
}

/**
 * Fills in the variables production must set, pointing the portal at the embedded simulator and demo
 * directory. Anything the operator did set is kept.
 */
export function demoEnvironment(source: Record<string, string | undefined>): { demo: DemoEnv; values: Record<string, string> } {
  const demo = demoEnvSchema.parse(source);
  const secrets = loadOrCreateDemoSecrets(demo.DATA_DIR);
  const values: Record<string, string> = {
    RANCHER_URL: `http://127.0.0.1:${demo.DEMO_SIM_PORT}`,
    RANCHER_ACCESS_KEY: demoRancherKeys.accessKey,
    RANCHER_SECRET_KEY: demoRancherKeys.secretKey,
    // The demo key is an account key in both demo environments (DESIGN.md demo world).
    RANCHER_PROJECT_IDS: '1a5,1a7',
    LDAP_URL: `ldap://127.0.0.1:${demo.DEMO_LDAP_PORT}`,
    LDAP_BASE_DN: demoDirectory.baseDn,
    LDAP_USER_DN_TEMPLATE: demoDirectory.userDnTemplate,
    STAFF_GROUP: demoDirectory.staffGroup,
    NEXTAUTH_SECRET: secrets.NEXTAUTH_SECRET,
    NEXTAUTH_URL: `http://${demo.HOST.includes(':') ? `[${demo.HOST}]` : demo.HOST}:${demo.PORT}`,
  };
  for (const key of Object.keys(values)) {
    const own = source[key];
    if (own) values[key] = own;
  }
  // An operator's one environment replaces the demo's two (setting both is a configuration error).
  if (source.RANCHER_PROJECT_ID) delete values.RANCHER_PROJECT_IDS;
  return { demo, values };
}

export function demoBanner(url: string): string {
  const width = Math.max(...demoDirectory.logins.map((l) => l.uid.length));
  const logins = demoDirectory.logins.map((l) => `    ${l.uid.padEnd(width)}  ${demoDirectory.password}   ${l.role}`);
  return [
    '',
    `Spin Portal (demo mode) is running on ${url}`,
    '',
    '  Demo logins (username, password):',
    ...logins,
    '',
    '  Press Ctrl-C to stop.',
    '',
  ].join('\n');
}

/**
 * Starts the embedded services on loopback, each on its DESIGN.md port unless told otherwise. Returns
 * their stop functions, last started first.
 */
export async function startDemoServices(demo: DemoEnv): Promise<(() => Promise<void>)[]> {
  const stops: (() => Promise<void>)[] = [];
  try {
    const sim = await startSim({ host: '127.0.0.1', port: demo.DEMO_SIM_PORT, stepMs: demo.DEMO_STEP_MS });
    stops.unshift(() => sim.close());
    const ldap = await startDemoLdap({ host: '127.0.0.1', port: demo.DEMO_LDAP_PORT });
    stops.unshift(() => ldap.close());
  } catch (err) {
    for (const stop of stops) await stop();
    throw err;
  }
  return stops;
}
