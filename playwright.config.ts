import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// Free ports are picked once, in the main process; workers inherit them through the environment.
function freePort(): string {
  return execFileSync(process.execPath, ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"], {
    encoding: 'utf8',
  }).trim();
}
process.env.E2E_PORT ??= freePort();
process.env.E2E_SIM_PORT ??= freePort();
process.env.E2E_LDAP_PORT ??= freePort();
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'spin-portal-e2e-'));

const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: './e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { baseURL, trace: 'retain-on-failure' },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts$/ },
    {
      name: 'chromium',
      dependencies: ['setup'],
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
  ],
  // The portal starts exactly as `npm start` starts it (install and build when stale, then demo mode),
  // on free ports with a throwaway data folder; Playwright stops it when the run ends.
  webServer: {
    command: 'node scripts/start.mjs',
    url: `${baseURL}/api/healthz`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      PORT: process.env.E2E_PORT,
      HOST: '127.0.0.1',
      DEMO_SIM_PORT: process.env.E2E_SIM_PORT,
      DEMO_LDAP_PORT: process.env.E2E_LDAP_PORT,
      DEMO_STEP_MS: '150',
      E2E_SIM_PORT: process.env.E2E_SIM_PORT,
      DATA_DIR: process.env.E2E_DATA_DIR,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
