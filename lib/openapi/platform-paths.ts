import 'server-only';
import { z } from 'zod';
import { readinessAnswer } from '@/lib/health/readiness';
import type { OperationSpec } from './operation';

/** What server/portal-server.ts answers on /api/healthz, before Next is asked. */
const healthAnswer = z.object({ status: z.literal('ok') });

/** Health, readiness, metrics and this document: for load balancers, Prometheus and client generators. */
export const platformPaths: Record<string, Record<string, OperationSpec>> = {
  '/api/healthz': {
    get: {
      id: 'getHealth',
      tag: 'platform',
      access: 'public',
      summary: 'Liveness: the process answers',
      success: { status: 200, schema: healthAnswer, description: 'Alive' },
      problems: [],
    },
  },
  '/api/readyz': {
    get: {
      id: 'getReadiness',
      tag: 'platform',
      access: 'public',
      summary: 'Readiness: Rancher, the directory and the audit store all answer',
      success: { status: 200, schema: readinessAnswer, description: 'Ready' },
      otherResponses: { 503: { description: 'Not ready: `checks` says which dependency does not answer', schema: readinessAnswer } },
      problems: [500],
    },
  },
  '/api/metrics': {
    get: {
      id: 'getMetrics',
      tag: 'platform',
      access: 'metrics',
      summary: 'Prometheus metrics',
      description: 'Served to `METRICS_ALLOWED_ADDRESSES` without a token, or with `METRICS_TOKEN` as a bearer token.',
      success: { status: 200, description: 'Prometheus text format', otherContent: { 'text/plain': { schema: { type: 'string' } } } },
      problems: [403, 500],
    },
  },
  '/api/v1/openapi.json': {
    get: {
      id: 'getOpenApiDocument',
      tag: 'platform',
      access: 'public',
      summary: 'This document',
      success: { status: 200, schema: z.record(z.string(), z.unknown()), description: 'The OpenAPI 3.1 document' },
      problems: [500],
    },
  },
};
