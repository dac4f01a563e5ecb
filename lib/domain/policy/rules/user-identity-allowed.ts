import { composeYaml } from '../compose-yaml';
import type { RawFinding } from '../finding';
import { defineRule, type RuleCase } from '../rule';
import type { RuleContext } from '../rule-context';

const GLOBAL = "volumes: ['/global/project/projectdirs/m1/web:/srv:ro']";
const actor = { username: 'elvis', uid: 46311, gids: [75137] };

/**
 * In the portal, without the person's identities from the directory, a Global Filesystem service keeps
 * the identity staff or ISG gave it: a new user, or /global access for a service that had none, could
 * be any NERSC account's files, so it is refused (fail closed) rather than let through.
 */
function unverifiableIdentities(ctx: RuleContext): RawFinding[] {
  const up = ctx.upgrade;
  if (!up || ctx.actorRole === null || ctx.allowedIdentities || ctx.actor || up.proposed.externalMounts.length === 0) return [];
  const before = up.current.externalMounts.length > 0 ? (up.current.user?.value.trim() ?? null) : undefined;
  const after = up.proposed.user?.value.trim() ?? null;
  if (before === after) return [];
  const who = after ?? "the image's default user";
  return [
    {
      input: 'proposed',
      path: up.proposed.user?.path ?? up.proposed.externalMounts[0]?.path ?? up.proposed.path,
      service: up.service,
      message: `${up.service} would reach the Global Filesystem as ${who}; the portal cannot confirm that is your NERSC account or a collaboration account of your project, so only Spin staff may set it.`,
    },
  ];
}

function portalCases(): RuleCase[] {
  const mount = { dataVolumes: ['/global/cfs/cdirs/m1/www:/srv:ro'] };
  const upgrade = (current: Record<string, unknown>, change: Record<string, unknown>) => ({
    actorRole: 'owner' as const,
    current: { imageUuid: 'docker:python:3.7', ...current },
    proposed: { imageUuid: 'docker:python:3.7', ...current, ...change },
  });
  return [
    { name: 'portal: another uid for a /global service', input: upgrade({ user: '501:124', ...mount }, { user: '1001:1001' }), expect: [{ path: '/proposed/user', severity: 'error' }] },
    { name: 'portal: /global for a service that had none', input: upgrade({ user: '1001:1001' }, { dataVolumes: ['/global/homes/f/fred:/fred'] }), expect: [{ path: '/proposed/user', severity: 'error' }] },
    { name: 'portal: the same identity, another image', input: upgrade({ user: '501:124', ...mount }, { imageUuid: 'docker:python:3.8' }), expect: [] },
    { name: 'portal: staff accept it', input: { ...upgrade({ user: '501:124', ...mount }, { user: '1001:1001' }), actorRole: 'staff' as const, staffAcknowledged: true }, expect: [{ path: '/proposed/user', severity: 'warning' }] },
  ];
}

export const userIdentityAllowed = defineRule({
  id: 'user-identity-allowed',
  title: 'Global Filesystem services run as the user or one of their collaboration accounts',
  severity: 'error',
  inputs: ['compose', 'upgrade'],
  rationale:
    "Spin refuses a uid that is neither the user's NERSC account nor a collaboration account of their projects. With the identities from the directory this is an error; knowing only the user, a different uid is a warning (it may be a collaboration account). Named users get the advice to use numbers; in prod-cattle a personal uid gets the advice to use a collaboration account.",
  sources: [
    { doc: 'L2', section: 'Follow the NERSC Security Requirements', quote: 'must run under the Linux UID or UID/GID of a NERSC User Account or a NERSC Collaboration Account' },
    { doc: 'L2', section: 'Follow the NERSC Security Requirements', quote: 'We prefer UIDs & GIDs' },
    { doc: 'L2', section: 'Part 3', quote: 'In production, we encourage you to run the application as your NERSC Collaboration User' },
  ],
  remediation: 'Use your own uid:gid (id -u, id -g on a NERSC login node) or the uid:gid of a collaboration account of your project.',
  since: '2018-10',
  waivable: true,
  staffMayAccept: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'unknown uid', input: { compose: composeYaml(`app:\n  image: python:3.7\n  user: "1000:1000"\n  ${GLOBAL}`), allowedIdentities: { uids: [46311, 501], gids: [75137, 124] } }, expect: [{ path: '/services/app/user', severity: 'error' }] },
    { name: "actor's uid:gid", input: { compose: composeYaml(`app:\n  image: python:3.7\n  user: "46311:75137"\n  ${GLOBAL}`), allowedIdentities: { uids: [46311], gids: [75137] } }, expect: [] },
    { name: 'collaboration account', input: { compose: composeYaml(`app:\n  image: python:3.7\n  user: "501:124"\n  ${GLOBAL}`), allowedIdentities: { uids: [46311, 501], gids: [75137, 124] } }, expect: [] },
    { name: 'only the actor known', input: { compose: composeYaml(`app:\n  image: python:3.7\n  user: "501:124"\n  ${GLOBAL}`), actor }, expect: [{ path: '/services/app/user', severity: 'warning' }] },
    { name: 'named user', input: { compose: composeYaml(`app:\n  image: python:3.7\n  user: c_flintstones:genome\n  ${GLOBAL}`), allowedIdentities: { uids: [501], gids: [124], names: ['c_flintstones'] } }, expect: [{ path: '/services/app/user', severity: 'info' }] },
    { name: 'personal uid in production', input: { compose: composeYaml(`app:\n  image: python:3.7\n  user: "46311:75137"\n  ${GLOBAL}`), actor, environment: 'prod-cattle' }, expect: [{ path: '/services/app/user', severity: 'info' }] },
    { name: 'no identities known', input: { compose: composeYaml(`app:\n  image: python:3.7\n  user: "1000:1000"\n  ${GLOBAL}`) }, expect: [] },
    ...portalCases(),
  ],
  check(ctx) {
    const out: RawFinding[] = [...unverifiableIdentities(ctx)];
    const allowed = ctx.allowedIdentities;
    const actorIds = ctx.actor ? { uids: [ctx.actor.uid], gids: ctx.actor.gids, names: [ctx.actor.username] } : null;
    for (const s of ctx.services) {
      const runAs = s.externalMounts.length > 0 ? ctx.userOf(s) : null;
      if (!runAs || runAs.user.isRoot) continue;
      const u = runAs.user;
      const at = { input: runAs.input, path: runAs.path, service: s.name };
      const ids = allowed ?? actorIds;
      if (ids) {
        const bad: string[] = [];
        if (u.uid !== null && !ids.uids.includes(u.uid)) bad.push(`uid ${u.uid}`);
        if (u.uid === null && ids.names && !ids.names.includes(u.user)) bad.push(`user ${u.user}`);
        if (u.gid !== null && !ids.gids.includes(u.gid)) bad.push(`gid ${u.gid}`);
        if (bad.length > 0) {
          out.push({
            ...at,
            severity: allowed ? 'error' : 'warning',
            message: `${u.raw} is not your NERSC account or one of your collaboration accounts (${bad.join(', ')}); Spin will refuse it.`,
          });
          continue;
        }
      }
      if (u.uid === null || (u.group !== null && u.gid === null)) {
        out.push({ ...at, severity: 'info', message: `${s.name} runs as ${u.raw}; prefer numeric UID:GID, which Spin checks directly.` });
      } else if (ctx.stack.environment === 'prod-cattle' && ctx.actor && u.uid === ctx.actor.uid) {
        out.push({ ...at, severity: 'info', message: `${s.name} runs as your personal account in production; prefer a collaboration account.` });
      }
    }
    return out;
  },
});
