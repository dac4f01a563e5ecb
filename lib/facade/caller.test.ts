import { describe, expect, it } from 'vitest';
import { basicCredentials } from './caller';

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

describe('basicCredentials', () => {
  it('splits the key pair at the first colon', () => {
    expect(basicCredentials(basic('spinpat_abc:s3cr:et'))).toEqual({ accessKey: 'spinpat_abc', secretKey: 's3cr:et' });
  });

  it('refuses what is no key pair: none, empty halves (the CLI sends "Og==" without keys), another scheme', () => {
    for (const header of [undefined, 'Basic Og==', basic(':secret'), basic('key:'), 'Bearer spinpat_x', 'Basic !!']) expect(basicCredentials(header)).toBeNull();
  });
});
