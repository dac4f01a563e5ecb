/** A failed API call, carrying the problem+json detail the portal sent. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Fetches the portal's own API from the browser and turns problem+json answers into an ApiError. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  // 204 No Content (a DELETE) has no body to parse.
  if (res.status === 204) return undefined as T;
  if (res.ok) return (await res.json()) as T;
  let detail = `The portal answered ${res.status}.`;
  let requestId: string | undefined;
  try {
    const problem = (await res.json()) as { detail?: string; instance?: string };
    if (problem.detail) detail = problem.detail;
    requestId = problem.instance;
  } catch {
    // Not a problem body: keep the status message.
  }
  throw new ApiError(res.status, detail, requestId);
}
