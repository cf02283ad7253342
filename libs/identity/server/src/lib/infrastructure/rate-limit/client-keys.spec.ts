import { clientKeys, emailKey, ipKey } from './client-keys';

describe('clientKeys', () => {
  it('derives the client address key and appends the others', () => {
    expect(clientKeys({ ip: '203.0.113.7' })).toEqual(['ip:203.0.113.7']);
    expect(clientKeys({ ip: '2001:db8::1' }, [emailKey('ab12')])).toEqual(['ip:2001:db8::1', 'email:ab12']);
    expect(ipKey('10.0.0.1')).toBe('ip:10.0.0.1');
  });
});
