import { describe, expect, test } from 'vitest';
import { newSigningSecret, replayToleranceSeconds, signCallback, verifyCallback } from '../../domain/callback-signing.ts';

describe('callback signatures (Standard Webhooks)', () => {
  test('the specification’s example signs to its published signature', () => {
    const headers = signCallback(['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'], 'msg_p5jXN8AQM9LWM0D4loKWxJek', '{"test": 2432232314}', new Date(1614265330_000));
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  const secret = newSigningSecret();
  const body = '{"event":"message.status","messageId":"m-1","status":"delivered"}';
  const now = new Date();

  test('a receiver accepts what was signed with its secret, and nothing changed on the way', () => {
    const headers = signCallback([secret], 'tern_1', body, now);
    expect(verifyCallback(secret, headers, body, now)).toBe('valid');
    expect(verifyCallback(secret, headers, body.replace('delivered', 'failed'), now)).toBe('bad_signature');
    expect(verifyCallback(secret, { ...headers, 'webhook-id': 'tern_2' }, body, now)).toBe('bad_signature');
    expect(verifyCallback(newSigningSecret(), headers, body, now)).toBe('bad_signature');
    expect(verifyCallback(secret, {}, body, now)).toBe('unsigned');
  });

  test('an old timestamp is a replay', () => {
    const headers = signCallback([secret], 'tern_1', body, new Date(now.getTime() - (replayToleranceSeconds + 1) * 1000));
    expect(verifyCallback(secret, headers, body, now)).toBe('stale');
    const early = signCallback([secret], 'tern_1', body, new Date(now.getTime() + (replayToleranceSeconds + 1) * 1000));
    expect(verifyCallback(secret, early, body, now)).toBe('stale');
  });

  test('during a rotation both secrets sign, so a receiver with either accepts', () => {
    const next = newSigningSecret();
    const headers = signCallback([next, secret], 'tern_1', body, now);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(verifyCallback(secret, headers, body, now)).toBe('valid');
    expect(verifyCallback(next, headers, body, now)).toBe('valid');
  });
});
