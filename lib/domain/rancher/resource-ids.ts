import { z } from 'zod';

// Rancher 1.6 ids: a type prefix and a number (`1st5` a stack, `1s12` a service, `1i345` a container).
// Route parameters are checked against these before anything reaches Rancher.
export const stackId = z.string().regex(/^1st\d+$/, 'expected a Rancher stack id such as 1st5');
export const serviceId = z.string().regex(/^1s\d+$/, 'expected a Rancher service id such as 1s12');
export const containerId = z.string().regex(/^1i\d+$/, 'expected a Rancher container id such as 1i345');
