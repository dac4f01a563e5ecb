import { serviceView, type ServiceView } from '../../lib/domain/stacks/stack-schemas';
import { upgradeProblem } from '../../lib/domain/upgrade/upgrade-refusal';
import type { DeployOptions } from './cli-args';
import { CliError } from './cli-errors';
import { formatFindings, resultFinding, type DeployResult } from './deploy-result';
import { problemText, type PortalClient, type ProblemAnswer } from './portal-client';
import type { Progress } from './progress';
import { resolveService, servicePath } from './resolve-target';
import { isSettledActive, upgradeVerdict, type UpgradeVerdict } from './upgrade-verdict';

export interface DeployDeps {
  client: PortalClient;
  progress: Progress;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** Time between two readings of the service while waiting. */
  pollMs: number;
}

/** What is known of the target once resolved: the fields every result carries. */
type Known = Omit<DeployResult, 'outcome' | 'elapsedMs'>;

/** Statuses worth reading again while waiting: the portal or Rancher briefly unavailable. */
function isPassing(err: unknown): err is CliError {
  return err instanceof CliError && (err.status === undefined || err.status === 429 || err.status >= 500);
}

class Deployment {
  private readonly known: Known;
  private readonly path: string;
  private last: ServiceView;

  constructor(
    private readonly options: DeployOptions,
    private readonly deps: DeployDeps,
    stack: { id: string; name: string; environment: { name: string } },
    service: ServiceView,
  ) {
    this.known = { stack: stack.name, stackId: stack.id, service: service.name, serviceId: service.id, environment: stack.environment.name, image: options.image, previousImage: service.image };
    this.path = servicePath(stack.id, service.id);
    this.last = service;
  }

  result(outcome: DeployResult['outcome'], extra: Partial<DeployResult> = {}): DeployResult {
    return { ...this.known, outcome, state: this.last.state, healthState: this.last.healthState, ...extra, elapsedMs: this.deps.progress.elapsedMs() };
  }

  async run(): Promise<DeployResult> {
    const { progress } = this.deps;
    const previousIds = new Set(this.last.containers.map((c) => c.id));
    progress.step(`upgrading from ${this.known.previousImage} to ${this.options.image} in ${this.known.environment}`);
    const environment = Object.keys(this.options.env).length > 0 ? { environment: this.options.env } : {};
    const answer = await this.deps.client.post(`${this.path}/upgrade`, { launchConfig: { imageUuid: `docker:${this.options.image}`, ...environment } });
    if (answer.status === 422) return this.refused(answer);
    if (answer.status === 409) return this.result('failed', { reason: `the portal did not start the upgrade: ${problemText(answer)}` });
    this.accept(answer, 'upgrade');
    if (!this.options.wait) return this.result('upgrading');

    const verdict = await this.waitFor((view) => upgradeVerdict(view, previousIds));
    if (verdict.kind === 'healthy') {
      progress.step('healthy');
      return this.options.finish ? this.settle('finish-upgrade', 'finished') : this.result('upgraded');
    }
    const { reason } = verdict;
    progress.step(`failed: ${reason}`);
    if (!this.options.rollbackOnFailure || this.last.state === 'active') {
      return this.result('failed', { reason: `${reason}${this.last.state === 'active' ? '' : '; roll it back in the portal, or run again with --rollback-on-failure'}` });
    }
    const rolledBack = await this.settle('rollback', 'rolled-back');
    return rolledBack.outcome === 'rolled-back' ? { ...rolledBack, reason } : { ...rolledBack, reason: `${reason}; ${rolledBack.reason}` };
  }

  private refused(answer: ProblemAnswer): DeployResult {
    const problem = upgradeProblem.safeParse(answer.body);
    const findings = (problem.success ? (problem.data.findings ?? []) : []).map(resultFinding);
    this.deps.progress.step(`refused by Spin's policy: ${problemText(answer)}`);
    this.deps.progress.clearLive();
    return this.result('refused', { findings, reason: problemText(answer) });
  }

  /** A 202 with the service; anything else that is not a result ends the command (exit 2). */
  private accept(answer: ProblemAnswer, verb: string): void {
    if (answer.status === 202 || answer.status === 200) {
      const view = serviceView.safeParse(answer.body);
      if (view.success) {
        this.last = view.data;
        this.deps.progress.service(view.data);
      }
      return;
    }
    if (answer.status === 400) throw new CliError(`the portal refused the ${verb} request (400): ${problemText(answer)}`, 400);
    throw this.deps.client.failure(answer);
  }

  /** Finishes or rolls back, then waits until the service is active again. */
  private async settle(verb: 'finish-upgrade' | 'rollback', outcome: 'finished' | 'rolled-back'): Promise<DeployResult> {
    const doing = verb === 'rollback' ? 'rolling back' : 'finishing the upgrade';
    this.deps.progress.step(doing);
    const answer = await this.deps.client.post(`${this.path}/${verb}`, {});
    if (answer.status === 409) return this.result('failed', { reason: `the portal did not start ${doing}: ${problemText(answer)}` });
    this.accept(answer, verb);
    const verdict = await this.waitFor((view): UpgradeVerdict => {
      if (isSettledActive(view)) return { kind: 'healthy' };
      if (view.transitioning === 'error') return { kind: 'failed', reason: `Rancher reports: ${view.transitioningMessage ?? 'an error'}` };
      return { kind: 'waiting', for: `${doing} to end` };
    });
    if (verdict.kind === 'failed') return this.result('failed', { reason: `${doing} did not end: ${verdict.reason}` });
    this.deps.progress.step(outcome === 'finished' ? 'finished' : 'rolled back');
    return this.result(outcome);
  }

  /**
   * Reads the service every `pollMs` until `judge` stops waiting or the timeout passes. A reading the
   * portal could not give (it restarts, Rancher is briefly away) is retried until the timeout.
   */
  private async waitFor(judge: (view: ServiceView) => UpgradeVerdict): Promise<Exclude<UpgradeVerdict, { kind: 'waiting' }>> {
    const { progress, client, sleep, now } = this.deps;
    const deadline = now() + this.options.timeoutSeconds * 1000;
    let lastProblem = '';
    let waitingFor = 'the service';
    for (;;) {
      try {
        this.last = await client.get(this.path, serviceView);
        progress.service(this.last);
        const verdict = judge(this.last);
        if (verdict.kind !== 'waiting') return verdict;
        waitingFor = verdict.for;
      } catch (err) {
        if (!isPassing(err)) throw err;
        if (err.message !== lastProblem) progress.step(`cannot read the service (${err.message}); trying again`);
        lastProblem = err.message;
      }
      if (now() >= deadline) return { kind: 'failed', reason: `not done within ${this.options.timeoutSeconds} s (last seen: ${this.last.state}, ${this.last.healthState})` };
      progress.tick(waitingFor);
      await sleep(this.deps.pollMs);
    }
  }
}

/**
 * `spin-portal deploy`: resolves the names, posts the upgrade (the portal merges the change into the
 * running launchConfig and checks it against the policy), and, as asked, waits for health, finishes
 * or rolls back. Every way it ends is a result; only a bug throws.
 */
export async function deploy(options: DeployOptions, deps: DeployDeps): Promise<DeployResult> {
  let deployment: Deployment | undefined;
  try {
    const { stack, service } = await resolveService(deps.client, options.stack, options.service);
    if (!stack.rights.includes('upgrade')) throw new CliError(`the token may not upgrade services of ${stack.name} (its rights there: ${stack.rights.join(', ') || 'none'})`, 403);
    deployment = new Deployment(options, deps, stack, service);
    const result = await deployment.run();
    if (result.findings && result.findings.length > 0) deps.progress.step(`findings:\n${formatFindings(result.findings).trimEnd()}`);
    return result;
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    deps.progress.step(`error: ${err.message}`);
    return deployment?.result('error', { reason: err.message }) ?? { stack: options.stack, service: options.service, image: options.image, outcome: 'error', reason: err.message, elapsedMs: deps.progress.elapsedMs() };
  }
}
