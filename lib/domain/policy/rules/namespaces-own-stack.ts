import { composeYaml } from '../compose-yaml';
import type { RawFinding } from '../finding';
import type { RuleContext } from '../rule-context';
import { defineRule } from '../rule';
import { secretTiedToStack } from '../secret-name';
import type { ServiceSpec } from '../service-spec';

const LB_TARGET_LABEL = 'io.rancher.loadbalancer.target.';

/**
 * What the stack is made of, as far as the check knows: the compose file's services (C), or the
 * services and containers the portal read from Rancher (U). Null members: unknown, so nothing resolves.
 */
interface StackMembers {
  /** Compose names containers by service; Rancher by id or name. */
  from: 'compose' | 'rancher';
  stack: string | null;
  services: ReadonlySet<string> | null;
  containers: ReadonlySet<string> | null;
}

function membersOf(ctx: RuleContext, s: ServiceSpec): StackMembers {
  if (s.input === 'dockerCompose') {
    return composeMembers(ctx);
  }
  const services = ctx.stack.services ? new Set([...ctx.stack.services.map((x) => x.name), s.name]) : null;
  const containers = ctx.stack.containers ? new Set(ctx.stack.containers.flatMap((c) => [c.id, c.name])) : null;
  return { from: 'rancher', stack: ctx.stack.name, services, containers };
}

function composeMembers(ctx: RuleContext): StackMembers {
  return { from: 'compose', stack: ctx.stack.name, services: new Set(ctx.compose?.services.map((c) => c.name)), containers: null };
}

/** `web` or `<this stack>/web`, naming a service of the stack. */
function ownsService(m: StackMembers, ref: string): boolean {
  const slash = ref.indexOf('/');
  if (slash >= 0 && ref.slice(0, slash) !== m.stack) return false;
  return m.services?.has(slash >= 0 ? ref.slice(slash + 1) : ref) ?? false;
}

/** A container id or name read from Rancher; in a compose file, a service or Rancher's `<stack>-<service>[-<sidekick>]-<n>` name. */
function ownsContainer(m: StackMembers, ref: string): boolean {
  if (m.from === 'rancher') return m.containers?.has(ref) ?? false;
  if (m.services === null) return false;
  if (m.services.has(ref)) return true;
  if (m.stack === null || !ref.startsWith(`${m.stack}-`)) return false;
  const rest = ref.slice(m.stack.length + 1);
  return [...m.services].some((service) => rest.startsWith(`${service}-`) && /^(?:[a-z0-9-]+-)?\d+$/.test(rest.slice(service.length + 1)));
}

function foreign(s: ServiceSpec, path: string, what: string, ref: string, stack: string | null): RawFinding {
  const where = stack ?? 'this stack';
  return { input: s.input, path, service: s.name, message: `${s.name} joins the ${what} of ${ref}, which is not part of stack ${where}.`, details: { target: ref } };
}

/** A secret whose name also ties it to another stack of the environment is not this stack's to mount. */
function foreignSecret(ctx: RuleContext, name: string, stack: string): boolean {
  if (!secretTiedToStack(name, stack)) return true;
  return (ctx.stack.environmentStackNames ?? []).some((other) => other !== stack && secretTiedToStack(name, other));
}

function secretFindings(ctx: RuleContext, s: ServiceSpec): RawFinding[] {
  const stack = ctx.stack.name;
  if (stack === null) return [];
  const out: RawFinding[] = [];
  for (const secret of s.secrets) {
    if (secret.name === null) {
      if (ctx.secretsResolved) out.push({ input: s.input, path: secret.path, service: s.name, message: `${s.name} mounts secret ${secret.secretId ?? '(no id)'}, which is not a secret of stack ${stack}.` });
    } else if (foreignSecret(ctx, secret.name, stack)) {
      out.push({ input: s.input, path: secret.path, service: s.name, message: `${s.name} mounts secret ${secret.name}, which is not part of stack ${stack}: only ${stack}.<file> or <service>.${stack}.<file> secrets.`, details: { secret: secret.name } });
    }
  }
  return out;
}

/**
 * Whether a named volume's name ties it to `stack`: Spin names Rancher NFS volumes after their stack
 * (`<service>.<stack>`, `<stack>.<name>`), and Rancher prefixes the volumes a stack declares (`<stack>_<name>`).
 */
function volumeTiedToStack(name: string, stack: string): boolean {
  return name.startsWith(`${stack}.`) || name.startsWith(`${stack}_`) || name.split('.').slice(1).includes(stack);
}

/**
 * Rancher resolves a volume name across the whole environment, so an owner's upgrade may add only
 * volumes named for this stack (and no other stack of the environment); ones the service already
 * mounts were set up by staff or by the stack itself.
 */
function volumeFindings(ctx: RuleContext, s: ServiceSpec): RawFinding[] {
  const up = ctx.upgrade;
  const stack = ctx.stack.name;
  if (!up || s !== up.proposed || ctx.actorRole === null) return [];
  const mounted = new Set(up.current.volumes.map((v) => v.source));
  const out: RawFinding[] = [];
  for (const v of s.volumes) {
    if (v.kind !== 'named' || v.source === null || mounted.has(v.source)) continue;
    const others = (ctx.stack.environmentStackNames ?? []).filter((o) => o !== stack && volumeTiedToStack(v.source as string, o));
    if (stack !== null && volumeTiedToStack(v.source, stack) && others.length === 0) continue;
    out.push({
      input: s.input,
      path: v.path,
      service: s.name,
      message: `${s.name} mounts volume ${v.source}, which is not a volume of stack ${stack ?? 'this stack'}: name new volumes ${stack ?? '<stack>'}_<name> or <service>.${stack ?? '<stack>'}.`,
      details: { volume: v.source },
    });
  }
  return out;
}

function serviceFindings(ctx: RuleContext, s: ServiceSpec): RawFinding[] {
  const m = membersOf(ctx, s);
  const out: RawFinding[] = [];
  for (const ns of s.namespaces) {
    if (!ns.value.startsWith('container:')) continue;
    const ref = ns.value.slice('container:'.length);
    if (!ownsContainer(m, ref)) out.push(foreign(s, ns.path, `${ns.kind} namespace`, ref, m.stack));
  }
  for (const v of s.volumesFrom) {
    const own = v.kind === 'service' ? ownsService(m, v.target) : ownsContainer(m, v.target);
    if (!own) out.push(foreign(s, v.path, 'volumes', v.target, m.stack));
  }
  for (const l of s.labels) {
    // Read the key as rancher-reserved-labels does (any case, surrounding space), so no spelling passes both.
    const key = l.key.trim();
    if (!key.toLowerCase().startsWith(LB_TARGET_LABEL)) continue;
    const ref = key.slice(LB_TARGET_LABEL.length);
    if (!ownsService(m, ref)) out.push(foreign(s, l.path, 'load balancer targets', ref, m.stack));
  }
  return [...out, ...secretFindings(ctx, s), ...volumeFindings(ctx, s)];
}

const compose = (body: string, extra?: Record<string, unknown>) => ({ compose: composeYaml(body), ...extra });
const fredStack = {
  stackName: 'foo-jgi-doe',
  stackServices: [{ name: 'web', state: 'active' }, { name: 'db', state: 'active' }],
  stackContainers: [{ id: '1i1', name: 'foo-jgi-doe-web-1' }, { id: '1i3', name: 'foo-jgi-doe-db-1' }],
};
const upgrade = (change: Record<string, unknown>) => ({ ...fredStack, service: 'web', current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:nginx:1.15', ...change } });

export const namespacesOwnStack = defineRule({
  id: 'namespaces-own-stack',
  title: "Services join only their own stack's namespaces, volumes, targets and secrets",
  severity: 'error',
  inputs: ['compose', 'upgrade'],
  rationale:
    "Sharing another tenant's network, process or IPC namespace reads their traffic and processes; their volumes and secrets hold their data; a load balancer that targets their service publishes it. Rancher 1.6 resolves these across the whole environment, so the portal resolves every name and id against the stack.",
  sources: [
    { doc: 'BP18', section: 'Security', quote: "This security is achieved through the use of Linux kernel 'namespaces', isolated network stacks" },
    { doc: 'BP18', section: 'Secrets', quote: '<service name>.<stack name>.<filename>' },
  ],
  remediation: 'Point container:, volumes_from, load balancer targets and secrets at this stack’s own services, containers and secrets.',
  since: '2018-10',
  waivable: false,
  staffMayAccept: true,
  fixable: false,
  inferred: true,
  cases: [
    { name: 'sidekick network in the file', input: compose('web:\n  image: nginx:1.15\n  net: "container:cron"\ncron:\n  image: busybox:1.30'), expect: [] },
    { name: 'container outside the file', input: compose('web:\n  image: nginx:1.15\n  network_mode: "container:genome-browser-web-1"'), expect: [{ path: '/services/web/network_mode' }] },
    { name: "Rancher's name of a container in the file", input: compose('web:\n  image: nginx:1.15\n  pid: "container:mystack-app-1"\napp:\n  image: busybox:1.30', { stackName: 'mystack' }), expect: [] },
    { name: 'volumes_from inside the file', input: compose("web:\n  image: nginx:1.15\n  volumes_from: ['data:ro']\ndata:\n  image: busybox:1.30"), expect: [] },
    { name: 'volumes_from another stack', input: compose("web:\n  image: nginx:1.15\n  volumes_from: ['genome-browser/app', 'container:crashy-nersc-app-1']"), expect: [{ path: '/services/web/volumes_from/0' }, { path: '/services/web/volumes_from/1' }] },
    {
      name: 'load balancer label respelt',
      input: upgrade({ labels: { 'IO.Rancher.LoadBalancer.Target.genome-browser/web': '80', ' io.rancher.loadbalancer.target.web': '80' } }),
      expect: [{ path: '/proposed/labels/IO.Rancher.LoadBalancer.Target.genome-browser~1web' }],
    },
    { name: 'load balancer label on another stack', input: compose('lb:\n  image: rancher/lb-service-haproxy:v0.9.1\n  labels:\n    io.rancher.loadbalancer.target.genome-browser/web: "80"'), expect: [{ path: '/services/lb/labels/io.rancher.loadbalancer.target.genome-browser~1web' }] },
    {
      name: 'rancher-compose port rule on another stack',
      input: { compose: composeYaml('lb:\n  image: rancher/lb-service-haproxy:v0.9.1\nweb:\n  image: nginx:1.15'), rancherCompose: "version: '2'\nservices:\n  lb:\n    lb_config:\n      port_rules:\n        - {source_port: 80, target_port: 80, service: web}\n        - {source_port: 81, target_port: 80, service: genome-browser/web}\n" },
      expect: [{ path: '/services/lb/lb_config/port_rules/1/service' }],
    },
    { name: 'own container by id', input: upgrade({ networkMode: 'container:1i3' }), expect: [] },
    { name: 'own container by name', input: upgrade({ dataVolumesFrom: ['foo-jgi-doe-db-1'] }), expect: [] },
    { name: 'guessed id of a foreign container', input: upgrade({ networkMode: 'container:1i9', dataVolumesFrom: ['1i7'], ipcMode: 'container:1i7' }), expect: [{ path: '/proposed/networkMode' }, { path: '/proposed/dataVolumesFrom/0' }, { path: '/proposed/ipcMode' }] },
    { name: 'network container id', input: upgrade({ networkMode: 'container', networkContainerId: '1i9' }), expect: [{ path: '/proposed/networkContainerId' }] },
    { name: 'unknown stack members', input: { service: 'web', current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:nginx:1.15', pidMode: 'container:1i3' } }, expect: [{ path: '/proposed/pidMode' }] },
    { name: 'own secrets', input: upgrade({ secrets: [{ secretId: '1se1', name: 'pw' }, { secretId: '1se2', name: 'key' }] }), expect: [] },
    {
      name: "another stack's secret",
      input: { ...upgrade({ secrets: [{ secretId: '1se1' }, { secretId: '1se9' }, { secretId: '1se5' }] }), secretNames: { '1se1': 'db.foo-jgi-doe.mysql_password', '1se5': 'genome-browser.api_key' } },
      expect: [{ path: '/proposed/secrets/1' }, { path: '/proposed/secrets/2' }],
    },
    {
      name: 'a name that also ties the secret to another stack',
      input: { ...upgrade({ secrets: [{ secretId: '1se1' }] }), stackName: 'db', stackServices: [{ name: 'web', state: 'active' }], environmentStackNames: ['db', 'foo-jgi-doe'], secretNames: { '1se1': 'db.foo-jgi-doe.mysql_password' } },
      expect: [{ path: '/proposed/secrets/0' }],
    },
    { name: "another stack's volume in the portal", input: { ...upgrade({ dataVolumes: ['genome-browser-db:/stolen', 'db.genome-browser:/stolen2'] }), actorRole: 'owner' }, expect: [{ path: '/proposed/dataVolumes/0' }, { path: '/proposed/dataVolumes/1' }] },
    { name: "this stack's volumes in the portal", input: { ...upgrade({ dataVolumes: ['foo-jgi-doe_data:/data', 'web.foo-jgi-doe:/www'] }), actorRole: 'owner' }, expect: [] },
    {
      name: 'a volume name that also ties it to another stack',
      input: { ...upgrade({ dataVolumes: ['foo-jgi-doe.db.genome:/x'] }), actorRole: 'owner', environmentStackNames: ['foo-jgi-doe', 'genome'] },
      expect: [{ path: '/proposed/dataVolumes/0' }],
    },
    { name: 'a volume the service already mounts', input: { ...fredStack, service: 'web', actorRole: 'owner', current: { imageUuid: 'docker:nginx:1.15', dataVolumes: ['shared-data:/d'] }, proposed: { imageUuid: 'docker:nginx:1.16', dataVolumes: ['shared-data:/d'] } }, expect: [] },
    { name: 'compose secrets of another stack', input: compose('db:\n  image: mysql:5.7\n  secrets: [db.otherportal.mysql_password, myportal.key]', { stackName: 'myportal' }), expect: [{ path: '/services/db/secrets/0' }] },
  ],
  check(ctx) {
    const out = ctx.services.flatMap((s) => serviceFindings(ctx, s));
    const m = composeMembers(ctx);
    for (const r of ctx.rancherServices ?? []) {
      for (const t of r.lbTargets) {
        if (!ownsService(m, t.service)) {
          out.push({ input: 'rancherCompose', path: t.path, service: r.name, message: `${r.name} joins the load balancer targets of ${t.service}, which is not part of stack ${m.stack ?? 'this stack'}.`, details: { target: t.service } });
        }
      }
    }
    return out;
  },
});
