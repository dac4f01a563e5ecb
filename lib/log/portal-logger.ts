import 'server-only';
import { env } from '@/lib/config/env';
import { createLogger, type Logger } from './logger';

const key = Symbol.for('spin-portal.logger');
type Holder = { [key]?: Logger };

/** The process's logger, created once (kept on globalThis so a dev reload does not open another). */
export function portalLogger(): Logger {
  const holder = globalThis as Holder;
  holder[key] ??= createLogger({ level: env().LOG_LEVEL });
  return holder[key];
}
