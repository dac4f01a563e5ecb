import { AppError, ConflictError } from '@/lib/domain/errors/app-error';
import { expectedSecretNames } from './stack-secrets';

/** A secret name outside the stack's convention (spin-policy.md §3.5): 422 with the expected form. */
export class SecretNameError extends AppError {
  readonly status = 422;
  readonly type = 'secret-name';
  readonly title = 'The secret name does not follow the stack’s convention';

  constructor(name: string, stack: string) {
    const expected = expectedSecretNames(stack);
    super(`Name the secret ${expected} (${name} does not tie it to stack ${stack}).`, { expected, errors: [{ path: 'name', message: `expected ${expected}` }] });
  }
}

/** A secret still mounted cannot be removed: 409 naming the services. */
export class SecretInUseError extends ConflictError {
  constructor(name: string, services: readonly string[]) {
    super(`Secret ${name} is mounted by ${services.join(', ')}; remove the mount from ${services.length > 1 ? 'those services' : 'that service'} (upgrade and finish) first.`, {
      services: [...services],
    });
  }
}
