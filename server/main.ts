import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import next from 'next';
import { ConfigError, env, rancherProjectIds } from '@/lib/config/env';
import { isDemoMode } from '@/lib/config/demo-env';
import { createLogger } from '@/lib/log/logger';
import { checkRancherEnvironments, rancherBackend } from '@/lib/stacks/rancher-backend';
import { demoBanner, demoEnvironment, startDemoServices } from './demo-mode';
import { applyBuiltNextConfig } from './built-next-config';
import { handleFacade } from '@/lib/facade/facade-http';
import { facadeServices } from './facade-routes';
import { facadeHostAccessRoute, facadeSubscribeRoute } from './facade-sockets';
import { createPortalServer } from './portal-server';
import { changesRoute } from './relays/changes-relay';
import { logsRoute } from './relays/logs-relay';
import { shellRoute } from './relays/shell-relay';
import { containerStatsRoute, serviceStatsRoute } from './relays/stats-relay';

// Bundled, the server sits in its runtime folder beside Next's build (dist/.next); run from server/ by
// tsx (`npm run dev`), the project is one folder up.
const projectRoot = existsSync(resolve(__dirname, '.next/BUILD_ID')) ? __dirname : resolve(__dirname, '..');

/** The drain takes at most 10 s (portal-server); anything still running after this is a hang. */
const shutdownDeadlineMs = 20_000;

async function main(): Promise<void> {
  const isDemo = isDemoMode(process.env);
  const demo = isDemo ? demoEnvironment(process.env) : undefined;
  if (demo) Object.assign(process.env, demo.values);

  const config = env();
  // Once whatever reads the portal's output is gone (a crashed parent, a dead log shipper), writes fail
  // with EPIPE: the portal goes on serving, and stopping when told, without its log.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  const log = createLogger({ level: config.LOG_LEVEL });
  const isDev = config.NODE_ENV === 'development';
  const stopOnExit = demo ? await startDemoServices(demo.demo) : [];
  await checkRancherEnvironments(rancherBackend(), rancherProjectIds(config));

  if (!isDev) applyBuiltNextConfig(projectRoot);
  // In production Next must not attach its own upgrade listener to our server: it would end sockets
  // our router is still authenticating. A detached emitter receives it instead.
  const app = next({ dev: isDev, dir: projectRoot, hostname: config.HOST, port: config.PORT, httpServer: isDev ? undefined : (new EventEmitter() as never) });
  await app.prepare();
  const handle = app.getRequestHandler();

  const portal = createPortalServer({
    log,
    handle: (req, res) => handle(req, res),
    facade: (req, res) => handleFacade(facadeServices, req, res, log),
    routes: [logsRoute, shellRoute, changesRoute, containerStatsRoute, serviceStatsRoute, facadeHostAccessRoute(), facadeSubscribeRoute()],
    allowedOrigins: [config.NEXTAUTH_URL, ...config.ALLOWED_ORIGINS],
    trustProxy: config.TRUST_PROXY,
    isDev,
    nextUpgrade: isDev ? (req, socket, head) => void app.getUpgradeHandler()(req, socket, head) : undefined,
  });
  const { port, host } = await portal.listen(config.PORT, config.HOST);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log.info({ url, demo: isDemo }, 'portal listening');
  if (isDemo) process.stdout.write(demoBanner(url));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      // A second Ctrl-C or SIGTERM means "now": do not wait for the drain.
      log.warn({ signal }, 'second stop signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    let step = 'draining requests and websockets';
    // Draining is bounded; a step that still hangs after that must not leave the process running.
    setTimeout(() => {
      log.error({ step }, 'shutdown did not finish in time: exiting');
      process.exit(1);
    }, shutdownDeadlineMs).unref();
    log.info({ signal }, 'shutting down');
    await portal.close();
    step = 'stopping embedded services';
    for (const stopService of stopOnExit) await stopService();
    step = 'closing Next';
    await app.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', (s) => void stop(s));
  process.on('SIGTERM', (s) => void stop(s));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error('Spin Portal failed to start:', err);
  }
  process.exit(1);
});
