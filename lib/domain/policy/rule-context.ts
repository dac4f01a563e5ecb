import type { ServiceVerb } from '../rancher/service-verbs';
import type { CheckInput, PolicyActor } from './check-input';
import type { ComposeDoc, LbTarget } from './compose-doc';
import type { Dockerfile } from './dockerfile';
import type { PolicyInputName, RawFinding } from './finding';
import type { ImageRef } from './image-ref';
import type { Waiver } from './policy-config';
import type { Profile } from './profiles';
import type { ServiceSpec } from './service-spec';
import type { StackTags } from './stack-tags';
import type { UserSpec } from './user-spec';
import type { DuplicateKey } from './yaml-source';

export interface StackView {
  name: string | null;
  /** Null when no tags were given: the stack-tag rules are then not evaluated. */
  tags: StackTags | null;
  environment: string | null;
  /** Services the stack already has (null: a new stack, or unknown). */
  services: readonly { name: string; state: string }[] | null;
  /** Containers the stack already has (null: unknown). */
  containers: readonly { id: string; name: string }[] | null;
  /** Every stack name of the environment (null: unknown). */
  environmentStackNames: readonly string[] | null;
}

/** A user and where it was set (the service's `user`, or the Dockerfile's `USER`). */
export interface RunAs {
  user: UserSpec;
  input: PolicyInputName;
  path: string;
}

/** What every rule reads: the inputs, parsed and normalised once. */
export interface RuleContext {
  profile: Profile;
  compose: ComposeDoc | null;
  /** Services configured by rancher-compose.yml, when one was given. */
  rancherServices: { name: string; path: string; lbTargets: LbTarget[] }[] | null;
  /** The container specs the container rules check: compose services, or the proposed launchConfig. */
  services: readonly ServiceSpec[];
  upgrade: { service: string; current: ServiceSpec; proposed: ServiceSpec } | null;
  stack: StackView;
  operation: { op: ServiceVerb; service: string | null } | null;
  /** The Dockerfile, the service whose image it builds (null: none known) and its parsed FROM images. */
  dockerfile: { doc: Dockerfile; service: string | null; images: { ref: ImageRef; path: string }[] } | null;
  actor: PolicyActor | null;
  allowedIdentities: CheckInput['allowedIdentities'] | null;
  attestations: NonNullable<CheckInput['attestations']>;
  trustedHubNamespaces: readonly string[];
  /** Secret name → description of the Rancher secret, when the portal looked them up. */
  secretDescriptions: Readonly<Record<string, string>>;
  waivers: readonly Waiver[];
  /** Normalised roots an owner may bind-mount from the node. */
  allowedHostPaths: readonly string[];
  /** Where relative bind sources resolve (the compose file's directory); null when unknown. */
  composeDir: string | null;
  actorRole: 'owner' | 'staff' | null;
  staffAcknowledged: boolean;
  /** Whether launchConfig secret ids were resolved to names (an unresolved id is then unknown). */
  secretsResolved: boolean;
  now: number;
  /** Keys written twice in the compose files (the last value is the one checked). */
  duplicateKeys: readonly (DuplicateKey & { input: 'dockerCompose' | 'rancherCompose' })[];
  /** Inputs that could not be read, reported by `input-malformed`. */
  problems: readonly RawFinding[];
  /** The user a service runs as: its own, else its Dockerfile's last USER; null = the image default. */
  userOf(spec: ServiceSpec): RunAs | null;
  /** Whether a service name is being created now (naming rules judge only new names). */
  isNewService(name: string): boolean;
}
