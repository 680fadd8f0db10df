import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { messageIdKey } from '../../domain/carrier-message-ids.ts';

describe('carrier message ids: the key they are matched by', () => {
  test('hex in any case and with leading zeros, and decimal, give one key for one number', () => {
    const keys = [messageIdKey('0A1B3A', 'hex'), messageIdKey('0a1b3a', 'hex'), messageIdKey('00000A1B3A', 'hex'), messageIdKey('662330', 'decimal'), messageIdKey('000662330', 'decimal')];
    assert.deepEqual(new Set(keys), new Set(['662330']));
    assert.equal(messageIdKey('FFFFFFFFFFFFFFFFFFFF', 'hex'), '1208925819614629174706175', 'beyond 64 bits');
  });

  test('text ids are matched as they are; an id not of its format is kept as it came', () => {
    assert.equal(messageIdKey('0A1B3A', 'text'), '0A1B3A');
    assert.notEqual(messageIdKey('0A1B3A', 'text'), messageIdKey('0a1b3a', 'text'));
    assert.equal(messageIdKey('msg-42', 'hex'), 'msg-42');
    assert.equal(messageIdKey('12ab', 'decimal'), '12ab');
    assert.equal(messageIdKey(' 42 ', 'decimal'), '42');
  });
});
