import { randomUUID } from 'node:crypto';

// Rancher's error resource (rancher-api.md §5.6): `code` is the HTTP reason unless a validation code
// applies, and `fieldName` appears only on validation errors, where it often carries the text.

const reasons: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method not allowed',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

export class ApiError extends Error {
  readonly code: string;

  constructor(
    readonly status: number,
    code?: string,
    readonly apiMessage: string | null = null,
    readonly fieldName: string | null = null,
    readonly detail: string | null = null,
  ) {
    const reason = reasons[status] ?? 'Error';
    super(apiMessage ?? code ?? reason);
    this.code = code ?? reason;
  }

  /** A plain HTTP failure: code and message are both the reason phrase. */
  static http(status: number): ApiError {
    const reason = reasons[status] ?? 'Error';
    return new ApiError(status, reason, reason);
  }

  /** A 422 validation failure, the form the Go client prints as `code=…, fieldName=…`. */
  static validation(code: string, fieldName: string | null, message: string | null = null): ApiError {
    return new ApiError(422, code, message, fieldName);
  }

  body(): Record<string, unknown> {
    return {
      id: randomUUID(),
      type: 'error',
      baseType: 'error',
      links: {},
      actions: {},
      status: this.status,
      code: this.code,
      message: this.apiMessage,
      detail: this.detail,
      ...(this.fieldName !== null ? { fieldName: this.fieldName } : {}),
    };
  }
}

export const notFound = (): ApiError => ApiError.http(404);
export const methodNotAllowed = (): ApiError => ApiError.http(405);
export const actionNotAvailable = (): ApiError => ApiError.validation('ActionNotAvailable', 'action');
