import type { PortRange } from './port-spec';

export const PROFILE_IDS = ['2018-10', '2019-05'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];
export const DEFAULT_PROFILE: ProfileId = '2019-05';

/** Firewall classes from most to least open; `closed` is every port not listed. */
export const FIREWALL_CLASSES = ['public', 'nersc-lbl', 'nersc', 'closed'] as const;
export type FirewallClass = (typeof FIREWALL_CLASSES)[number];

export interface Profile {
  id: ProfileId;
  title: string;
  /** TCP ports per open class (the NERSC pages list no UDP port). */
  firewall: Readonly<Record<Exclude<FirewallClass, 'closed'>, readonly PortRange[]>>;
  serviceNames: readonly string[];
  /** 2019 grammar: a name optionally followed by `-suffix`; 2018 recommends bare names only. */
  serviceNamePattern: RegExp;
  stackNaming: 'fqdn' | 'system';
}

const r = (start: number, end = start): PortRange => ({ start, end });
const PUBLIC = [r(80), r(443), r(8080), r(8443), r(60000, 60050)];

export const profiles: Readonly<Record<ProfileId, Profile>> = {
  '2018-10': {
    id: '2018-10',
    title: 'Spin Best Practices of 2018-10-04 (BP18, the seed) and the 2018 lessons',
    firewall: {
      public: PUBLIC,
      'nersc-lbl': [r(3128), r(3306), r(5432), r(5672), r(8008), r(50000, 50050)],
      nersc: [r(4873), r(8081)],
    },
    serviceNames: ['app', 'db', 'kv', 'lb', 'web'],
    serviceNamePattern: /^(app|db|kv|lb|web)$/,
    stackNaming: 'fqdn',
  },
  '2019-05': {
    id: '2019-05',
    title: 'Spin Best Practices after 2019-05-01 (BP19) and the Spin Cheat Sheet (CS19)',
    firewall: {
      public: PUBLIC,
      'nersc-lbl': [r(3128), r(3306), r(4873), r(5432), r(5984), r(8008), r(27017), r(55000, 55100)],
      nersc: [r(5672), r(8081), r(50000, 50050)],
    },
    serviceNames: ['api', 'app', 'db', 'kv', 'lb', 'util', 'web'],
    serviceNamePattern: /^(api|app|db|kv|lb|util|web)(-[a-z0-9]+)*$/,
    stackNaming: 'system',
  },
};

export function isProfileId(v: string): v is ProfileId {
  return (PROFILE_IDS as readonly string[]).includes(v);
}

/** Firewall class of one host port; anything but TCP is closed. */
export function firewallClass(profile: Profile, port: number, protocol: string): FirewallClass {
  if (protocol !== 'tcp') return 'closed';
  for (const cls of ['public', 'nersc-lbl', 'nersc'] as const) {
    if (profile.firewall[cls].some((x) => port >= x.start && port <= x.end)) return cls;
  }
  return 'closed';
}

/** Splits a host port range into runs of one class, so a range is reported once per class. */
export function classifyRange(profile: Profile, range: PortRange, protocol: string): { range: PortRange; cls: FirewallClass }[] {
  const out: { range: PortRange; cls: FirewallClass }[] = [];
  for (let p = range.start; p <= range.end; p++) {
    const cls = firewallClass(profile, p, protocol);
    const last = out[out.length - 1];
    if (last && last.cls === cls && last.range.end === p - 1) last.range = { start: last.range.start, end: p };
    else out.push({ range: { start: p, end: p }, cls });
  }
  return out;
}

/** Rank for "more open than": public 0 … closed 3. */
export function firewallRank(cls: FirewallClass): number {
  return FIREWALL_CLASSES.indexOf(cls);
}
