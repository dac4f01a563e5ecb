import { openApiDocument } from '@/lib/openapi/openapi-document';

// Public: the API's shape is no secret, and clients need it before they sign in.
export function GET() {
  return Response.json(openApiDocument());
}
