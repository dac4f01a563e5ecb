import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConflictError, NotFoundError, TooManyRequestsError, UnavailableError } from './app-error';
import { problemResponse, toProblem } from './problem';

describe('toProblem', () => {
  it('keeps an AppError status, message and extensions', () => {
    const err = new ConflictError('Finish or roll back the upgrade first.', { serviceState: 'upgraded' });
    expect(toProblem(err, 'req-1')).toEqual({
      problem: { type: 'conflict', title: 'Conflict', status: 409, detail: 'Finish or roll back the upgrade first.', instance: 'req-1', serviceState: 'upgraded' },
      isUnexpected: false,
    });
  });

  it('names every field at fault in a ZodError', () => {
    const result = z.object({ batchSize: z.number().int().min(1), name: z.string() }).safeParse({ batchSize: 0 });
    const { problem } = toProblem(result.error);
    expect(problem.status).toBe(400);
    expect(problem.errors?.map((e) => e.path)).toEqual(['batchSize', 'name']);
    expect(problem.detail).toContain('batchSize:');
  });

  it('hides unexpected errors behind a generic 500', () => {
    const { problem, isUnexpected } = toProblem(new TypeError('secret internals'), 'req-2');
    expect(isUnexpected).toBe(true);
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('secret internals');
  });
});

describe('problemResponse', () => {
  it('answers problem+json', async () => {
    const { response } = problemResponse(new NotFoundError('No stack 1st99.'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404, detail: 'No stack 1st99.' });
  });

  it('sets Retry-After for rate limits', () => {
    const { response } = problemResponse(new TooManyRequestsError('Too many attempts, wait 15 minutes.', 900));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('900');
  });

  it('sets Retry-After when a 503 says when to come back, and only then', () => {
    expect(problemResponse(new UnavailableError('Busy, try again.', undefined, 1)).response.headers.get('retry-after')).toBe('1');
    expect(problemResponse(new UnavailableError('Rancher is down.')).response.headers.has('retry-after')).toBe(false);
  });
});
