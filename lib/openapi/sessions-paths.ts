import 'server-only';
import { endAllQuery, endedSessions, sessionIdParam, sessionList } from '@/lib/domain/sessions/session-schemas';
import { mutationProblems, sessionOnlyProblems, signedInProblems, type OperationSpec } from './operation';

const ending = [...signedInProblems, ...mutationProblems];

export const sessionsPaths: Record<string, Record<string, OperationSpec>> = {
  '/api/v1/sessions': {
    get: {
      id: 'listSessions',
      tag: 'sessions',
      summary: 'Your open browser sessions ("Your sessions")',
      success: { status: 200, schema: sessionList, description: 'Open sessions, most recently active first' },
      problems: sessionOnlyProblems,
    },
    delete: {
      id: 'endAllSessions',
      tag: 'sessions',
      summary: 'Sign out everywhere: end all your sessions (staff: all sessions of `uid`)',
      query: endAllQuery,
      success: { status: 200, schema: endedSessions, description: 'How many sessions were ended' },
      problems: ending,
    },
  },
  '/api/v1/sessions/current': {
    delete: {
      id: 'endCurrentSession',
      tag: 'sessions',
      summary: 'Sign out: end this browser’s session (before clearing the cookie)',
      success: { status: 204, description: 'The session has ended' },
      problems: ending,
    },
  },
  '/api/v1/sessions/{sessionId}': {
    delete: {
      id: 'endSession',
      tag: 'sessions',
      summary: 'End one of your sessions',
      params: sessionIdParam,
      success: { status: 204, description: 'The session has ended' },
      problems: [...ending, 404],
    },
  },
};
