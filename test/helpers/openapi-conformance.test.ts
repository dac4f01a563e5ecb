import { describe, expect, it } from 'vitest';
import { conformanceMismatch, frameMismatch } from './openapi-conformance';

const json = 'application/json';
const problem = (status: number, type: string) => JSON.stringify({ type, title: 'x', status, detail: 'y', instance: 'req-1' });

describe('conformanceMismatch', () => {
  it('accepts an answer the document describes', () => {
    expect(conformanceMismatch({ method: 'GET', path: '/api/v1/sessions', status: 200, contentType: json, body: '{"sessions":[]}' })).toBeNull();
    expect(conformanceMismatch({ method: 'DELETE', path: '/api/v1/sessions/current', status: 204, contentType: null, body: '' })).toBeNull();
    expect(conformanceMismatch({ method: 'GET', path: '/api/v1/stacks/1st5', status: 404, contentType: 'application/problem+json', body: problem(404, 'not-found') })).toBeNull();
  });

  it('names a member the schema does not have, or one missing', () => {
    expect(conformanceMismatch({ method: 'GET', path: '/api/v1/sessions', status: 200, contentType: json, body: '{"sessions":[],"extra":1}' })).toMatch(/additionalProperty.*extra/);
    expect(conformanceMismatch({ method: 'DELETE', path: '/api/v1/sessions', status: 200, contentType: json, body: '{}' })).toMatch(/required.*ended/);
  });

  it('refuses an undocumented status, media type or problem type', () => {
    expect(conformanceMismatch({ method: 'GET', path: '/api/v1/sessions', status: 418, contentType: json, body: '{}' })).toMatch(/status 418 is not documented/);
    expect(conformanceMismatch({ method: 'GET', path: '/api/v1/sessions', status: 200, contentType: 'text/html', body: '<p>' })).toMatch(/answered text\/html/);
    expect(conformanceMismatch({ method: 'GET', path: '/api/v1/stacks/1st5', status: 404, contentType: 'application/problem+json', body: problem(404, 'no-such-type') })).toMatch(/type/);
  });

  it('matches concrete paths before templates, and checks problems on paths no operation has', () => {
    expect(conformanceMismatch({ method: 'DELETE', path: '/api/v1/sessions/current', status: 404, contentType: 'application/problem+json', body: problem(404, 'not-found') })).toMatch(
      /status 404 is not documented for DELETE \/api\/v1\/sessions\/current/,
    );
    expect(conformanceMismatch({ method: 'GET', path: '/api/v1/nope', status: 404, contentType: 'application/problem+json', body: problem(404, 'not-found') })).toBeNull();
    expect(conformanceMismatch({ method: 'GET', path: '/api/v1/nope', status: 404, contentType: 'application/problem+json', body: '{"title":1}' })).toMatch(/problem\+json/);
    expect(conformanceMismatch({ method: 'GET', path: '/login', status: 200, contentType: 'text/html', body: '' })).toBeNull();
  });
});

describe('frameMismatch', () => {
  it('checks a websocket text frame against the frames x-websocket describes', () => {
    expect(frameMismatch('/api/v1/containers/1i1/logs', { ts: '2026-12-07T06:00:00Z', stream: 'stdout', line: 'GET /' })).toBeNull();
    expect(frameMismatch('/api/v1/containers/1i1/logs', { type: 'dropped', count: 3 })).toBeNull();
    expect(frameMismatch('/api/v1/containers/1i1/logs', { ts: 'now', stream: 'stdin', line: '' })).toMatch(/frame on/);
    expect(frameMismatch('/api/v1/changes', { type: 'stacks-changed', stackIds: ['1st1'] })).toBeNull();
    expect(frameMismatch('/api/v1/nope', {})).toMatch(/no websocket/);
  });
});
