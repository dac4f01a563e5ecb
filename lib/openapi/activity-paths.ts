import 'server-only';
import { z } from 'zod';
import { activityFormat } from '@/lib/activity/activity-listing';
import { activityPage } from '@/lib/domain/audit/audit-event-view';
import { auditFilter } from '@/lib/domain/audit/audit-filter';
import { stackIdParam } from '@/lib/domain/stacks/stack-schemas';
import { signedInProblems, type OperationSpec } from './operation';

/**
 * Filters the envact work adds to `auditFilter` (issue 22): documented as optional until they are
 * there, and then generated from it like the others (a name the filter has is not added twice).
 */
const comingFilters = { environment: z.string().optional().describe('Rancher environment id, e.g. 1a5'), service: z.string().optional().describe('Service name') };
const awaited = Object.fromEntries(Object.entries(comingFilters).filter(([name]) => !(name in auditFilter.shape)));

const query = auditFilter.extend({ ...awaited, format: activityFormat });

const exports = {
  'text/csv': { schema: { type: 'string', description: 'Every matching event, one row each, as a download' } },
  'application/x-ndjson': { schema: { type: 'string', description: 'Every matching event, one JSON object a line, as a download' } },
};

export const activityPaths: Record<string, Record<string, OperationSpec>> = {
  '/api/v1/activity': {
    get: {
      id: 'listActivity',
      tag: 'activity',
      summary: 'Everyone’s activity, newest first (staff only)',
      query,
      success: { status: 200, schema: activityPage, description: 'A page of events (or, with `format`, a download of all)', otherContent: exports },
      problems: [...signedInProblems, 400, 403, 503],
    },
  },
  '/api/v1/stacks/{stackId}/activity': {
    get: {
      id: 'listStackActivity',
      tag: 'activity',
      summary: 'A stack’s activity, newest first (right `view`; addresses and browsers for staff only)',
      params: stackIdParam,
      query: query.omit({ stackId: true }),
      success: { status: 200, schema: activityPage, description: 'A page of events (or, with `format`, a download of all)', otherContent: exports },
      problems: [...signedInProblems, 400, 404, 502, 503],
    },
  },
};
