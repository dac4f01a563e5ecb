import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddressOf } from './client-address';

function requestFrom(peer: string, forwardedFor?: string | string[]): IncomingMessage {
  return { socket: { remoteAddress: peer }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } } as unknown as IncomingMessage;
}

describe('clientAddressOf', () => {
  it.each([
    [0, '6.6.6.6, 10.1.2.3', '127.0.0.1'],
    [1, '6.6.6.6, 10.1.2.3', '10.1.2.3'],
    [2, '6.6.6.6, 10.1.2.3, 10.0.0.9', '10.1.2.3'],
    [2, '10.1.2.3', '127.0.0.1'],
    [1, undefined, '127.0.0.1'],
    [1, ' , ', '127.0.0.1'],
  ])('behind %i proxies, X-Forwarded-For %j is %s', (hops, header, expected) => {
    expect(clientAddressOf(requestFrom('127.0.0.1', header), hops)).toBe(expected);
  });

  it('reads repeated X-Forwarded-For headers as one list', () => {
    expect(clientAddressOf(requestFrom('127.0.0.1', ['6.6.6.6', '10.1.2.3, 10.0.0.9']), 2)).toBe('10.1.2.3');
  });
});
