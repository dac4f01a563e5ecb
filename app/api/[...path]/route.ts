import { NotFoundError } from '@/lib/domain/errors/app-error';
import { problemResponse } from '@/lib/domain/errors/problem';
import { requestIdFrom, requestIdHeader } from '@/lib/request/request-id';

/** An /api path no route serves: a problem+json 404 for API clients, not Next's HTML page. */
function notFound(req: Request): Response {
  const { pathname } = new URL(req.url);
  return problemResponse(new NotFoundError(`No API endpoint at ${pathname}.`), requestIdFrom(req.headers.get(requestIdHeader))).response;
}

export { notFound as GET, notFound as HEAD, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
