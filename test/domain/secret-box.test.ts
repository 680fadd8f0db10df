import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'vitest';
import { acceptedSecrets, secretAccepted } from '../../domain/app-secrets.ts';
import { masterKeyFrom, newMasterKey, secretBox } from '../../domain/secret-box.ts';

const box = secretBox(randomBytes(32));

test('a sealed secret opens to itself, and sealing twice gives different texts', () => {
  const a = box.seal('s3cr3t');
  assert.equal(box.open(a), 's3cr3t');
  assert.notEqual(box.seal('s3cr3t'), a, 'a fresh IV each time');
  assert.ok(!a.includes('s3cr3t'));
});

test('a sealed secret does not open under another key, nor once altered', () => {
  const sealed = box.seal('s3cr3t');
  assert.throws(() => secretBox(randomBytes(32)).open(sealed));
  const [v, iv, tag, body] = sealed.split('.');
  const flipped = Buffer.from(body!, 'base64url');
  flipped[0]! ^= 1;
  assert.throws(() => box.open([v, iv, tag, flipped.toString('base64url')].join('.')));
  assert.throws(() => box.open('v0.a.b.c'));
});

test('the master key must be 32 bytes of base64, with an error that says so', () => {
  assert.equal(masterKeyFrom(newMasterKey()).length, 32);
  assert.throws(() => masterKeyFrom(undefined), /TERN_MASTER_KEY is required/);
  assert.throws(() => masterKeyFrom(Buffer.alloc(16).toString('base64')), /decodes to 16 bytes/);
});

test('an app accepts its current secret, and its previous one only until the grace period ends', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const app = {
    secret_sealed: box.seal('new'),
    previous_secret_sealed: box.seal('old'),
    previous_secret_until: new Date('2026-01-02T00:00:00Z'),
  };
  assert.deepEqual(acceptedSecrets(app, box, now), ['new', 'old']);
  assert.ok(secretAccepted('old', app, box, now));
  assert.ok(!secretAccepted('old', app, box, new Date('2026-01-02T00:00:01Z')));
  assert.ok(secretAccepted('new', app, box, new Date('2030-01-01T00:00:00Z')));
  assert.ok(!secretAccepted('other', app, box, now));
});
