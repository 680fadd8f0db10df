import { describe, expect, test } from 'vitest';
import { callbackTargetPolicy, callbackUrlProblem, isPublicAddress } from '../../domain/callback-targets.ts';

describe('callback targets', () => {
  test.each([
    ['8.8.8.8', true],
    ['2606:4700::1111', true],
    ['::ffff:8.8.8.8', true],
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['255.255.255.255', false],
    ['224.0.0.1', false],
    ['::', false],
    ['::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['::ffff:a9fe:a9fe', false],
    ['::7f00:1', false],
    ['64:ff9b::7f00:1', false],
    ['2002:7f00:1::1', false],
    ['fe80::1', false],
    ['fd00::1', false],
    ['ff02::1', false],
    ['2001:db8::1', false],
    ['not an address', false],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  const strict = callbackTargetPolicy();
  test.each([
    'http://127.1/x',
    'http://2130706433/',
    'http://0x7f.0.0.1/',
    'http://0177.0.0.1/',
    'http://[::1]/',
    'http://[::ffff:7f00:1]/',
    'http://0.0.0.0/',
    'http://169.254.169.254/latest/meta-data/',
    'http://example.com@127.0.0.1/',
    'http://user:secret@example.com/',
    'http://localhost:8080/',
    'http://app.localhost/',
    'http://intranet/',
    'http://db.internal/',
    'ftp://example.com/',
    'javascript:alert(1)',
    'not a url',
  ])('%s is refused', (url) => {
    expect(callbackUrlProblem(url, strict)).not.toBeNull();
  });

  test.each(['https://example.com/sms/reports', 'http://93.184.216.34:8080/cb', 'https://[2606:4700::1111]/cb'])('%s is accepted', (url) => {
    expect(callbackUrlProblem(url, strict)).toBeNull();
  });

  test('an operator allows private targets by address, network and port', () => {
    const policy = callbackTargetPolicy(' 127.0.0.1:8090, 10.0.0.0/8 ,[::1]:9000');
    expect(policy.allows('127.0.0.1', 8090)).toBe(true);
    expect(policy.allows('127.0.0.1', 8091)).toBe(false);
    expect(policy.allows('::ffff:127.0.0.1', 8090)).toBe(true);
    expect(policy.allows('10.200.1.1', 443)).toBe(true);
    expect(policy.allows('192.168.1.1', 443)).toBe(false);
    expect(policy.allows('::1', 9000)).toBe(true);
    expect(policy.allows('::1', 9001)).toBe(false);
    expect(callbackUrlProblem('http://127.0.0.1:8090/callbacks', policy)).toBeNull();
  });

  test.each(['localhost', '127.0.0.1:99999', '10.0.0.0/40', '::1:8090', 'example.com'])('an exception it cannot read (%s) fails the start', (entry) => {
    expect(() => callbackTargetPolicy(entry)).toThrow(/TERN_CALLBACK_ALLOW/);
  });
});
