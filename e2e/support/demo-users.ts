import { join } from 'node:path';

export const demoUsers = ['fred', 'barney', 'dino', 'wilma', 'pebbles'] as const;
export type DemoUser = (typeof demoUsers)[number];
export const demoPassword = 'spin-demo';

/** Where the setup project keeps each demo user's signed-in browser state (outside the repository). */
export function storageStateOf(user: DemoUser): string {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) throw new Error('E2E_DATA_DIR is set by playwright.config.ts');
  return join(dir, 'auth', `${user}.json`);
}
