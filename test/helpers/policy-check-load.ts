import { policyCheckLimits } from '@/lib/domain/policy/policy-check-job';

/** One service as NERSC stacks write them, with `envCount` environment variables of padding. */
function service(i: number, envCount: number): string {
  const env = Array.from({ length: envCount }, (_, k) => `      SETTING_${k}: value-${i}-${k}`);
  return [
    `  web-${i}:`,
    `    image: registry.spin.nersc.gov/load-test/web-${i}:v1.${i}`,
    `    user: '${46000 + i}:75137'`,
    '    cap_drop: [ALL]',
    '    environment:',
    ...env,
    '    volumes:',
    `      - /global/project/projectdirs/m1/load-test/web-${i}:/srv:ro`,
    '',
  ].join('\n');
}

function compose(services: number, envCount: number): string {
  return `version: '2'\nservices:\n${Array.from({ length: services }, (_, i) => service(i, envCount)).join('')}`;
}

/**
 * The most a policy check over the API takes (DESIGN.md limits): 200 clean services, padded with
 * environment variables to just under 512 KiB.
 */
export function largestAllowedCompose(): string {
  const { maxFileBytes, maxServices } = policyCheckLimits;
  let envCount = 1;
  while (Buffer.byteLength(compose(maxServices, envCount + 1)) <= maxFileBytes) envCount++;
  return compose(maxServices, envCount);
}

/** A compose file of `services` small services. */
export function composeWithServices(services: number): string {
  return compose(services, 1);
}
