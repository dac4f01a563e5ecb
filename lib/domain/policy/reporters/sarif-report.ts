import type { Severity } from '../finding';
import { DEFAULT_PROFILE, isProfileId, type ProfileId } from '../profiles';
import { ruleSeverity, type Rule } from '../rule';
import type { PolicyRun } from './policy-run';

export interface SarifOptions {
  rules: readonly Rule[];
  toolVersion?: string;
  /** Absolute URL of the /policy page, for each rule's helpUri (SARIF wants an absolute URI). */
  docsBaseUrl?: string;
  /**
   * The repository root as a SARIF uriBaseId: `relativize` gives a file's path from it (null: outside),
   * so code-scanning services can place results without the machine's absolute paths.
   */
  uriBase?: { id: string; relativize(file: string): string | null };
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF wants URI references: forward slashes, and unsafe characters escaped. */
function toUri(file: string): string {
  return encodeURI(file.replace(/\\/g, '/'));
}

/**
 * SARIF 2.1.0 with one run: every rule as a reportingDescriptor, every finding as a result with its
 * file region and its JSON Pointer as the logical location; waived findings carry an external
 * suppression and JSON Patch fixes travel in `properties.jsonPatch`.
 */
export function sarifReport(runs: readonly PolicyRun[], options: SarifOptions): Record<string, unknown> {
  const first = runs[0]?.result.profile ?? DEFAULT_PROFILE;
  const profile: ProfileId = isProfileId(first) ? first : DEFAULT_PROFILE;
  const index = new Map(options.rules.map((r, i) => [r.id, i]));
  const descriptors = options.rules.map((r) => {
    const level = ruleSeverity(r, profile);
    const d: Record<string, unknown> = {
      id: r.id,
      name: r.id,
      shortDescription: { text: r.title },
      fullDescription: { text: r.rationale },
      help: { text: r.remediation },
      defaultConfiguration: level === 'off' ? { enabled: false } : { level: LEVEL[level] },
      properties: {
        profiles: typeof r.severity === 'string' ? ['2018-10', '2019-05'] : Object.keys(r.severity).filter((p) => (r.severity as Record<string, string>)[p] !== 'off'),
        waivable: r.waivable,
        tags: r.inputs,
      },
    };
    if (options.docsBaseUrl) d.helpUri = `${options.docsBaseUrl}#${r.id}`;
    return d;
  });
  const results = runs.flatMap((run) =>
    run.result.findings.map((f) => {
      const file = f.file ?? run.file;
      const location: Record<string, unknown> = { logicalLocations: [{ fullyQualifiedName: f.path || '/', kind: 'member' }] };
      if (file !== undefined) {
        const relative = options.uriBase?.relativize(file) ?? null;
        location.physicalLocation = {
          artifactLocation: relative !== null && options.uriBase ? { uri: toUri(relative), uriBaseId: options.uriBase.id } : { uri: toUri(file) },
          ...(f.line !== null && f.column !== null ? { region: { startLine: f.line, startColumn: f.column } } : {}),
        };
      }
      const result: Record<string, unknown> = {
        ruleId: f.ruleId,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [location],
      };
      const ruleIndex = index.get(f.ruleId);
      if (ruleIndex !== undefined) result.ruleIndex = ruleIndex;
      if (f.waived) result.suppressions = [{ kind: 'external', status: 'accepted', justification: `${f.waived.reason} (waiver ${f.waived.waiverId}, expires ${f.waived.expires})` }];
      if (f.fix) result.properties = { jsonPatch: f.fix };
      return result;
    }),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'spin-policy', ...(options.toolVersion ? { version: options.toolVersion } : {}), rules: descriptors } },
        results,
        ...(options.uriBase ? { originalUriBaseIds: { [options.uriBase.id]: { description: { text: 'The root of the repository the files were checked in' } } } } : {}),
        properties: { profile },
      },
    ],
  };
}
