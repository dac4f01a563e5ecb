import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { FaultsInput } from './faults/faults';
import { parseFaultFlag } from './faults/parse-fault-flag';
import { generateFixture, parseWorldSize } from './fixture/generate-fixture';
import type { SimOptions } from './start-sim';

export const simUsage = `usage: npm run sim -- [--port 18080] [--host 127.0.0.1] [--fixture FILE | --generate stacks=N,services=N,containers=N]
                      [--step-ms 1000] [--fault knob=value]... [--faults JSON] [--control] [--ping-ms 5000]
  --fixture   world file (JSON or YAML); default: the demo world (demo/rancher-world.json)
  --generate  a generated world of that size instead
  --step-ms   how long one Rancher state-machine step takes (about 1 s in Rancher)
  --fault     a fault knob, e.g. latency_ms=200~50@/services, error_rate_5xx=0.1, upgrade_fail, page_size=10
  --control   serve the loopback-only fault control endpoint /_sim/faults`;

function value(argv: string[], i: number, flag: string): string {
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
  return v;
}

function integer(text: string, flag: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${flag} must be an integer from ${min} to ${max}`);
  return n;
}

/** Reads the simulator's command line; throws with a message naming the bad flag. */
export function parseSimArgs(argv: string[]): SimOptions & { help: boolean } {
  const options: SimOptions & { help: boolean } = { port: 18080, host: '127.0.0.1', help: false };
  let faults: FaultsInput = {};
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i] ?? '';
    switch (flag) {
      case '--help':
      case '-h':
        options.help = true;
        break;
      case '--port':
        options.port = integer(value(argv, i++, flag), flag, 0, 65535);
        break;
      case '--host':
        options.host = value(argv, i++, flag);
        break;
      case '--fixture':
        options.fixture = parse(readFileSync(value(argv, i++, flag), 'utf8'));
        break;
      case '--generate':
        options.fixture = generateFixture(parseWorldSize(value(argv, i++, flag)));
        break;
      case '--step-ms':
        options.stepMs = integer(value(argv, i++, flag), flag, 0, 60_000);
        break;
      case '--ping-ms':
        options.pingMs = integer(value(argv, i++, flag), flag, 10, 3_600_000);
        break;
      case '--fault':
        faults = parseFaultFlag(value(argv, i++, flag), faults);
        break;
      case '--faults':
        faults = { ...faults, ...(JSON.parse(value(argv, i++, flag)) as FaultsInput) };
        break;
      case '--control':
        options.control = true;
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  options.faults = faults;
  return options;
}
