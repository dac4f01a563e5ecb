// `npm run sim -- --port 18080 [--fixture FILE]`: the Rancher 1.6 simulator as a program.
import { parseSimArgs, simUsage } from './sim-options';
import { startSim } from './start-sim';

async function main(): Promise<void> {
  let options: ReturnType<typeof parseSimArgs>;
  try {
    options = parseSimArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`rancher-sim: ${err instanceof Error ? err.message : String(err)}\n${simUsage}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(simUsage);
    return;
  }
  const sim = await startSim(options);
  console.log(`rancher-sim listening on ${sim.url}/v2-beta access-key=${sim.accessKey} secret-key=${sim.secretKey} project=${sim.projectId}`);
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error('rancher-sim:', err instanceof Error ? err.message : err);
  process.exit(1);
});
