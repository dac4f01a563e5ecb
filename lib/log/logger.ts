import 'server-only';
import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Paths never written to a log line, whatever a caller passes: credentials, cookies, session tokens and
 * Rancher hostAccess tokens (STYLE.md 2.12).
 */
export const redactedPaths = [
  'password',
  '*.password',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'authorization',
  'cookie',
  '*.authorization',
  '*.cookie',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
];

/**
 * A pino logger writing JSON lines to stdout (or to `destination`, which tests use to read the lines).
 * It writes through process.stdout rather than pino's own fd writer, whose synchronous flush at exit
 * retries a write to a closed pipe forever (sonic-boom 4.2), so a portal whose reader died never exited.
 */
export function createLogger(options: { level: string; destination?: pino.DestinationStream; base?: Record<string, unknown> }): Logger {
  return pino(
    {
      level: options.level,
      base: options.base ?? { app: 'spin-portal' },
      redact: { paths: redactedPaths, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination ?? process.stdout,
  );
}
