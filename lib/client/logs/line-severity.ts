export type LineSeverity = 'error' | 'warning' | null;

// Level words as common loggers print them: nginx `[error]`, log4j `ERROR`, Python `CRITICAL`, Go `panic:`.
const errorWords = /\b(?:ERROR|ERR|FATAL|CRITICAL|CRIT|PANIC|EMERG|ALERT|SEVERE)\b|\[(?:error|crit|alert|emerg)\]|^panic:/i;
const warningWords = /\b(?:WARN|WARNING)\b|\[warn\]/i;

/** The severity a line's words announce, for its tint (ux.md G3). Only the first 300 characters are read. */
export function lineSeverity(plain: string): LineSeverity {
  const head = plain.length > 300 ? plain.slice(0, 300) : plain;
  if (errorWords.test(head)) return 'error';
  if (warningWords.test(head)) return 'warning';
  return null;
}
