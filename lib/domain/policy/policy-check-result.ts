import { z } from 'zod';
import type { SameType } from '../schema/same-type';
import type { Finding, PolicySummary } from './finding';

const jsonPatchOp = z.object({ op: z.enum(['add', 'remove', 'replace']), path: z.string(), value: z.unknown().optional() });

/** A policy finding as the API sends it (`Finding`); /api/v1/openapi.json describes it from this. */
export const findingView = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  path: z.string().describe('RFC 6901 pointer into the input, e.g. /services/web/cap_add/1'),
  input: z.enum(['dockerCompose', 'rancherCompose', 'current', 'proposed', 'stack', 'operation', 'dockerfile', 'waivers']),
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
  file: z.string().optional(),
  service: z.string().optional(),
  fix: z.array(jsonPatchOp).optional().describe('RFC 6902 operations that fix the finding'),
  range: z.object({ start: z.number().int(), end: z.number().int() }).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
  docs: z.string().describe('Anchor of the rule on the /policy page'),
  waived: z.object({ waiverId: z.string(), reason: z.string(), expires: z.string() }).optional(),
});

/** `POST /api/v1/policy/check`: the findings, with errors and warnings counted (info is listed, not counted). */
export const policyCheckResult = z.object({
  findings: z.array(findingView),
  summary: z.object({ errors: z.number().int().min(0), warnings: z.number().int().min(0) }),
});

/** The rules build Finding objects by hand: the schema must describe exactly that type. */
export const findingViewMatches: SameType<z.infer<typeof findingView>, Finding> = true;
export const policySummaryMatches: SameType<z.infer<typeof policyCheckResult>['summary'], PolicySummary> = true;
