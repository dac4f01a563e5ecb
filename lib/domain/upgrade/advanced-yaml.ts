import { isMap, isScalar, LineCounter, parseDocument, stringify } from 'yaml';
import type { z } from 'zod';
import { launchConfigChange } from '@/lib/domain/upgrade/upgrade-input';

/** The editable launchConfig fields that have no field of their own in the form: the YAML editor's share. */
export const advancedFields = [
  'command', 'entryPoint', 'workingDir', 'user', 'capAdd', 'capDrop', 'privileged', 'dataVolumes', 'dataVolumesFrom', 'networkMode', 'pidMode', 'ipcMode', 'ports', 'tty', 'stdinOpen',
] as const;
export type AdvancedField = (typeof advancedFields)[number];

const advancedSchema = launchConfigChange.pick({
  command: true,
  entryPoint: true,
  workingDir: true,
  user: true,
  capAdd: true,
  capDrop: true,
  privileged: true,
  dataVolumes: true,
  dataVolumesFrom: true,
  networkMode: true,
  pidMode: true,
  ipcMode: true,
  ports: true,
  tty: true,
  stdinOpen: true,
});
export type AdvancedConfig = z.infer<typeof advancedSchema>;

/** Fields of the editable subset that the form edits elsewhere, named so the message can say where. */
const elsewhere: Record<string, string> = {
  imageUuid: 'the Image and Tag fields',
  image: 'the Image and Tag fields',
  environment: 'the environment variables above',
  labels: 'the labels above',
};

export interface YamlProblem {
  /** 1-based line in the editor, null when the problem is the document as a whole. */
  line: number | null;
  message: string;
}

export type AdvancedParse = { ok: true; value: AdvancedConfig } | { ok: false; problems: YamlProblem[] };

function isAdvancedField(key: string): key is AdvancedField {
  return (advancedFields as readonly string[]).includes(key);
}

/** The YAML the editor starts from: the service's current values of the advanced fields. */
export function advancedYamlFrom(launchConfig: Record<string, unknown>): string {
  const subset: Record<string, unknown> = {};
  for (const field of advancedFields) {
    const value = launchConfig[field];
    if (value !== null && value !== undefined) subset[field] = value;
  }
  return Object.keys(subset).length === 0 ? '' : stringify(subset);
}

/**
 * Parses the advanced editor's text with the `yaml` package and validates it with the upgrade schema's
 * own field rules, so the browser refuses exactly what the server would. Problems carry the line they
 * are on; an empty document means "none of these fields".
 *
 * @example parseAdvancedYaml('privileged: true') // { ok: true, value: { privileged: true } }
 */
export function parseAdvancedYaml(text: string): AdvancedParse {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const lineOf = (offset: number | undefined) => (offset === undefined ? null : lines.linePos(offset).line);
  if (doc.errors.length > 0) return { ok: false, problems: doc.errors.map((e) => ({ line: lineOf(e.pos[0]), message: e.message })) };
  if (doc.contents === null) return { ok: true, value: {} };
  if (!isMap(doc.contents)) return { ok: false, problems: [{ line: 1, message: 'Write the fields as a YAML mapping, e.g. "user: 1001:1001".' }] };

  const problems: YamlProblem[] = [];
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const line = lineOf(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    if (isAdvancedField(key)) continue;
    const where = elsewhere[key];
    problems.push({
      line,
      message: where ? `Edit ${key} in ${where}.` : `${key} is not a field an upgrade can change here; use ${advancedFields.join(', ')}.`,
    });
  }
  if (problems.length > 0) return { ok: false, problems };

  const parsed = advancedSchema.safeParse(doc.toJS());
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const node = doc.getIn(issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), true) as { range?: [number, number, number] } | undefined;
      const field = issue.path.map(String).join('.');
      return { line: lineOf(node?.range?.[0]), message: field ? `${field}: ${issue.message}` : issue.message };
    }),
  };
}
