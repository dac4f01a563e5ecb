import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptions } from '@/lib/auth/auth-options';
import { loginOutcome } from '@/lib/auth/login-outcome';
import type { AppError } from '@/lib/domain/errors/app-error';
import { problemResponse } from '@/lib/domain/errors/problem';
import { requestIdFrom, requestIdHeader } from '@/lib/request/request-id';

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

function handler(req: NextRequest, context: NextAuthContext): Promise<Response> {
  return NextAuth(authOptions())(req, context);
}

export const GET = handler;

/**
 * next-auth refuses every failed login with the same 401. A credentials callback runs inside
 * `loginOutcome`, so a refusal comes back as a problem that says why: wrong credentials (401), too many
 * attempts (429 with Retry-After) or the directory being down (503).
 */
export async function POST(req: NextRequest, context: NextAuthContext): Promise<Response> {
  const outcome: { refusal?: AppError } = {};
  const response = await loginOutcome.run(outcome, () => handler(req, context));
  if (!outcome.refusal) return response;
  return problemResponse(outcome.refusal, requestIdFrom(req.headers.get(requestIdHeader))).response;
}
