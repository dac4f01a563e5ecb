import type { FaultsInput } from './faults';

/**
 * Reads one `--fault name=value` flag into the knob it sets. Rules take `value@path`; latency takes
 * `ms[~jitter][@path]`; a bare boolean knob name means true.
 *
 * @example parseFaultFlag('latency_ms=200~50@/services') // { latency_ms: [{ ms: 200, jitter_ms: 50, path: '/services' }] }
 */
export function parseFaultFlag(flag: string, into: FaultsInput = {}): FaultsInput {
  const eq = flag.indexOf('=');
  const name = eq < 0 ? flag : flag.slice(0, eq);
  const raw = eq < 0 ? 'true' : flag.slice(eq + 1);
  const [value = '', path = ''] = raw.split('@', 2);
  switch (name) {
    case 'latency_ms': {
      const [ms = '', jitter = '0'] = value.split('~', 2);
      return { ...into, latency_ms: [...(into.latency_ms ?? []), { ms: number(name, ms), jitter_ms: number(name, jitter), path }] };
    }
    case 'error_rate_5xx':
      return { ...into, error_rate_5xx: [...(into.error_rate_5xx ?? []), { rate: number(name, value), path }] };
    case 'upgrade_fail':
    case 'log_tail_honour_lines':
    case 'multi_project':
    case 'omit_schemas_header':
      return { ...into, [name]: boolean(name, value) };
    case 'stuck_transition':
      return { ...into, stuck_transition: value as FaultsInput['stuck_transition'] };
    case 'stuck_message':
      return { ...into, stuck_message: raw };
    case 'ws_refuse_status':
      return { ...into, ws_refuse_status: number(name, value) as 401 | 502 };
    case 'transition_speed':
    case 'force_422':
    case 'conflict_409':
    case 'ws_drop_after_s':
    case 'ws_drop_after_frames':
    case 'token_ttl_s':
    case 'log_flood_lps':
    case 'page_size':
      return { ...into, [name]: number(name, value) };
    default:
      throw new Error(`unknown fault knob "${name}"`);
  }
}

function number(name: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new Error(`fault ${name} needs a number, got "${value}"`);
  return n;
}

function boolean(name: string, value: string): boolean {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new Error(`fault ${name} needs true or false, got "${value}"`);
}
