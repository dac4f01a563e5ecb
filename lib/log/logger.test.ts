import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, log: createLogger({ level: 'info', destination }) };
}

describe('createLogger', () => {
  it('writes JSON lines with an ISO time and the message', () => {
    const { lines, log } = capture();
    log.info({ reqId: 'r1' }, 'hello');
    expect(lines[0]).toMatchObject({ msg: 'hello', reqId: 'r1', app: 'spin-portal', level: 30 });
    expect(String(lines[0]?.time)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('never writes passwords, tokens, cookies or authorization headers', () => {
    const { lines, log } = capture();
    log.info({ password: 'spin-demo', user: { password: 'p', token: 't' }, headers: { cookie: 'c=1', authorization: 'Basic x' } }, 'x');
    const text = JSON.stringify(lines[0]);
    for (const secret of ['spin-demo', '"p"', '"t"', 'c=1', 'Basic x']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });
});
