/**
 * Builds a version 2 compose file from an indented `services:` body; the rule examples use it so each
 * case shows only the lines that matter. `extra` is appended at the top level (volumes, secrets).
 */
export function composeYaml(services: string, extra = ''): string {
  const body = services
    .replace(/^\n/, '')
    .split('\n')
    .map((l) => (l === '' ? l : `  ${l}`))
    .join('\n');
  return `version: '2'\nservices:\n${body}${body.endsWith('\n') ? '' : '\n'}${extra.replace(/^\n/, '')}`;
}
